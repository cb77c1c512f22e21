#!/usr/bin/env bash
# Re-takes the screenshots in this directory from the real app: a natter-server on a free port, a seeded team
# (seed.py), and natter instances under Xvfb. Needs Xvfb and ImageMagick's `import`.
#   BUILD=/path/to/build docs/screenshots/take.sh
set -euo pipefail
DEFAULT_DISPLAY=:99
. "$(dirname "$0")/common.sh"

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
pids+=($!)
start_server
python3 "$here/seed.py" "$url" >"$work/seed.json"

export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" NATTER_PASSWORD="correct horse battery"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
snap() { sleep "$1"; import -window root "$here/$2"; }
fill() { xsetroot -solid '#e5e7eb' 2>/dev/null || true; }
fill

# 1. The sign-in screen.
"$app_bin" --profile signin --server "$url" -qwindowgeometry 1400x900+0+0 &
pid=$!; pids+=($pid)
snap 3 sign-in.png
kill "$pid"

# 2. Alice's main window, alone.
"$app_bin" --profile alice --server "$url" --user alice -qwindowgeometry 1400x900+0+0 &
pid=$!; pids+=($pid)
snap 5 main-window.png
kill "$pid"

# 3. Two users side by side; a message from one shows up live in the other.
"$app_bin" --profile alice --server "$url" --user alice -qwindowgeometry 700x900+0+0 &
pids+=($!)
"$app_bin" --profile bob --server "$url" --user bob -qwindowgeometry 700x900+700+0 &
pids+=($!)
sleep 5
general=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["general"])' "$work/seed.json")
token=$(curl -s -X POST -H 'Content-Type: application/json' \
  -d '{"username":"dave","password":"correct horse battery"}' "$url/api/v1/auth/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"clientMsgId":"shot-1","text":"Lunch is booked for 12:30, see you there!"}' \
  "$url/api/v1/channels/$general/messages"
snap 2 two-users.png
echo "screenshots written to $here"
