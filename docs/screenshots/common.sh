# Sourced by the take-*.sh scripts after `set -euo pipefail`: where the binaries are (BUILD, SERVER_BIN,
# APP_BIN), a work directory, the X display (SCREENSHOT_DISPLAY, else the script's DEFAULT_DISPLAY), and every
# process started through `pids` stopped, and the work directory removed, on exit.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${BUILD:-$here/../../build}
server_bin=${SERVER_BIN:-$build/server/natter-server}
app_bin=${APP_BIN:-$build/app/natter}
work=$(mktemp -d)
display=${SCREENSHOT_DISPLAY:-$DEFAULT_DISPLAY}
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a natter-server on a free loopback port with its data in $work/NAME (default "server"); sets url and
# server_pid. Not in a command substitution: the pid must reach `pids` for cleanup.
start_server() {
  local name=${1:-server}
  "$server_bin" --listen 127.0.0.1 --port 0 --data-dir "$work/$name" --password-cost fast --rate-limit 0 \
    >"$work/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 100); do grep -q 'listening on' "$work/$name.log" && break; sleep 0.1; done
  url="http://127.0.0.1:$(grep -o 'listening on [^ ]*' "$work/$name.log" | sed 's/.*://')"
}
