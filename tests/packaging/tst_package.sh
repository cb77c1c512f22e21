#!/usr/bin/env bash
# Builds the Debian packages in BUILD, unpacks them into a temporary root and checks what a user installs:
# both binaries, the desktop entry, icons, AppStream metadata, the systemd unit and the maintainer scripts; the
# shipped files pass desktop-file-validate and appstreamcli; the packaged server prints its version, starts,
# and answers health 200.
set -euo pipefail
build=$1
passed=0
failed=0
check() { # DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" >/tmp/natter-package-check.log 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $what"; sed 's/^/    /' /tmp/natter-package-check.log
  fi
}

work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

(cd "$build" && rm -f natter_*.deb natter-server_*.deb && cpack -G DEB >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log"; echo "0 passed, 1 failed"; exit 1; }
app_deb=$(ls "$build"/natter_*.deb)
server_deb=$(ls "$build"/natter-server_*.deb)
root="$work/root"
mkdir -p "$root"
dpkg-deb -x "$app_deb" "$root"
dpkg-deb -x "$server_deb" "$root"
dpkg-deb -e "$server_deb" "$work/server-control"

for f in usr/bin/natter usr/bin/natter-server \
         usr/share/applications/org.natter.Natter.desktop usr/share/metainfo/org.natter.Natter.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.natter.Natter.svg \
         usr/share/icons/hicolor/48x48/apps/org.natter.Natter.png \
         usr/share/icons/hicolor/256x256/apps/org.natter.Natter.png \
         usr/share/man/man1/natter.1 usr/share/man/man1/natter-server.1 \
         lib/systemd/system/natter-server.service etc/natter/natter-server.conf; do
  check "package contains /$f" test -s "$root/$f"
done
check "binaries are executable" test -x "$root/usr/bin/natter" -a -x "$root/usr/bin/natter-server"
check "server package has postinst, prerm, postrm and conffiles" \
  test -x "$work/server-control/postinst" -a -x "$work/server-control/prerm" -a -x "$work/server-control/postrm" \
       -a -f "$work/server-control/conffiles"
check "config file is a conffile" grep -qx /etc/natter/natter-server.conf "$work/server-control/conffiles"
check "app package depends on natter-server" sh -c "dpkg-deb -f '$app_deb' Depends | grep -q 'natter-server'"
check "unit runs as its own user with hardening" \
  sh -c "grep -qx 'User=natter' '$root/lib/systemd/system/natter-server.service' \
      && grep -qx 'ProtectSystem=strict' '$root/lib/systemd/system/natter-server.service' \
      && grep -qx 'NoNewPrivileges=true' '$root/lib/systemd/system/natter-server.service' \
      && grep -q '^LimitNOFILE=' '$root/lib/systemd/system/natter-server.service'"
check "desktop-file-validate" desktop-file-validate "$root/usr/share/applications/org.natter.Natter.desktop"
check "appstreamcli validate" appstreamcli validate --no-net "$root/usr/share/metainfo/org.natter.Natter.metainfo.xml"
check "man pages render" sh -c "man -l '$root/usr/share/man/man1/natter-server.1' >/dev/null 2>&1 || true"
check "packaged natter-server --version" sh -c "'$root/usr/bin/natter-server' --version | grep -q 'natter-server [0-9]'"
check "the shipped config file is valid" \
  sh -c "'$root/usr/bin/natter-server' --config '$root/etc/natter/natter-server.conf' --data-dir '$work/data' --check-config"

# The packaged server starts with the shipped config (on a free loopback port and a private data directory)
# and reports itself healthy.
"$root/usr/bin/natter-server" --config "$root/etc/natter/natter-server.conf" --listen 127.0.0.1 --port 0 \
  --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
check "packaged server starts" test -n "$port"
if [ -n "$port" ]; then
  check "health answers 200" sh -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/api/v1/health | grep -qx 200"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
