#!/usr/bin/env bash
# Re-takes scale-150.png and scale-200.png: the real app under Xvfb at QT_SCALE_FACTOR 1.5 and 2 (what a 150 % or
# 200 % desktop gives), on the seeded team (seed.py) with pictures and file cards, so that avatars, thumbnails,
# icons and text can be checked for blur and size. Needs Xvfb and ImageMagick.
#   BUILD=/path/to/build [SERVER_BIN=…] docs/screenshots/take-scale.sh
set -euo pipefail
DEFAULT_DISPLAY=:93
. "$(dirname "$0")/common.sh"

Xvfb "$display" -screen 0 2400x1600x24 >/dev/null 2>&1 &
pids+=($!)
start_server
python3 "$here/seed.py" "$url" >"$work/seed.json"
general=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["general"])' "$work/seed.json")
login() {
  curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"correct horse battery\"}" "$url/api/v1/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
upload() { # token file -> attachment id
  curl -s -X POST -H "Authorization: Bearer $1" -H "X-Filename: $(basename "$2")" \
    --data-binary @"$2" "$url/api/v1/uploads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
post() { # token text ids...
  local token=$1 text=$2; shift 2
  local ids; ids=$(printf '"%s",' "$@"); ids="[${ids%,}]"
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"clientMsgId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"text\":\"$text\",\"attachmentIds\":$ids}" \
    "$url/api/v1/channels/$general/messages"
}
convert -size 1600x900 gradient:'#1e3a8a'-'#60a5fa' -fill '#fbbf24' -draw 'circle 1150,260 1150,380' \
  -fill '#065f46' -draw 'polygon 0,900 420,420 820,900' -fill '#047857' -draw 'polygon 500,900 1000,360 1600,900' \
  "$work/mountains.jpg"
convert -size 900x600 xc:'#f9fafb' -fill '#2563eb' -draw 'rectangle 80,400 180,540' \
  -draw 'rectangle 260,300 360,540' -draw 'rectangle 440,180 540,540' -draw 'rectangle 620,120 720,540' \
  "$work/q3-growth.png"
printf '%%PDF-1.4\n%% Natter release notes\n' >"$work/release-notes.pdf"
head -c 240000 /dev/urandom >>"$work/release-notes.pdf"
carol=$(login carol); bob=$(login bob)
post "$carol" "Photos from the **offsite**, and the growth chart:" \
  "$(upload "$carol" "$work/mountains.jpg")" "$(upload "$carol" "$work/q3-growth.png")"
post "$bob" "Release notes for 2.0" "$(upload "$bob" "$work/release-notes.pdf")"

export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" NATTER_PASSWORD="correct horse battery"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
xsetroot -solid '#e5e7eb' 2>/dev/null || true
for scale in 150 200; do
  factor=$(python3 -c "print($scale / 100)")
  # The window is 1200×800 device-independent pixels: 1800×1200 or 2400×1600 on the screen.
  QT_SCALE_FACTOR=$factor "$app_bin" --profile "scale$scale" --server "$url" --user alice \
    -qwindowgeometry 1200x800+0+0 &
  pid=$!; pids+=($pid)
  sleep 7
  w=$((1200 * scale / 100)); h=$((800 * scale / 100))
  import -window root -crop "${w}x${h}+0+0" +repage "$here/scale-$scale.png"
  kill "$pid"
  sleep 1
done
echo "scale-150.png and scale-200.png written to $here"
