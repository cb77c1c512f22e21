#!/usr/bin/env bash
# Re-takes the screenshots of the panels and notifications (search.png, members.png, notification.png,
# welcome.png) from the real app under Xvfb, driven with xdotool. Needs Xvfb, xdotool and ImageMagick's `import`.
#   BUILD=/path/to/build docs/screenshots/take-panels.sh
set -euo pipefail
DEFAULT_DISPLAY=:56
. "$(dirname "$0")/common.sh"

login() { # $1 url, $2 user
  curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"correct horse battery\"}" \
    "$1/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
say() { # $1 url, $2 token, $3 channel, $4 text
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import json, sys, urllib.request, uuid
url, token, channel, text = sys.argv[1:]
req = urllib.request.Request(f"{url}/api/v1/channels/{channel}/messages", method="POST",
    data=json.dumps({"clientMsgId": str(uuid.uuid4()), "text": text}).encode(),
    headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
urllib.request.urlopen(req).read()
PY
}

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" NATTER_PASSWORD="correct horse battery"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
xsetroot -solid '#e5e7eb' 2>/dev/null || true
snap() { sleep "$1"; import -window root "$here/$2"; }
focus_app() { xdotool search --sync --onlyvisible --name Natter windowfocus --sync 2>/dev/null || true; }

# 1. The first user on an empty server.
start_server empty
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
  -d '{"username":"ana","password":"correct horse battery","displayName":"Ana Lima"}' "$url/api/v1/auth/register"
"$app_bin" --profile shotW --server "$url" --user ana -qwindowgeometry 1400x900+0+0 &
pid=$!; pids+=($pid)
snap 5 welcome.png
kill "$pid"

# 2. The seeded team. Bob and Carol are online (their apps run offscreen).
start_server team
python3 "$here/seed.py" "$url" >"$work/seed.json"
seed() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$work/seed.json"; }
general=$(seed 'd["general"]'); design=$(seed 'd["design"]')
for who in bob carol; do
  QT_QPA_PLATFORM=offscreen "$app_bin" --profile "shot-$who" --server "$url" --user "$who" &
  pids+=($!)
done
"$app_bin" --profile shotB --server "$url" --user alice -qwindowgeometry 1400x900+0+0 &
pid=$!; pids+=($pid)
sleep 6
focus_app
# Alice writes; the others' apps show #general (the newest channel) and mark it read.
xdotool type --delay 20 "I'll write the release notes after lunch."
xdotool key Return
sleep 3

# The members panel (Ctrl+Shift+M): roles, presence, read receipts under Alice's message.
xdotool key ctrl+shift+m
snap 3 members.png
xdotool key Escape

# Search (Ctrl+F) over all channels, then the first result opened in context.
xdotool key ctrl+f
sleep 1
xdotool type --delay 20 "search"
xdotool key Return
sleep 2
xdotool mousemove 1200 175 click 1
snap 3 search.png
xdotool key Escape
xdotool key Escape

# A mention in another channel while Alice reads #general: the in-app banner.
xdotool key ctrl+k
sleep 1
xdotool type --delay 20 "general"
xdotool key Return
sleep 2
dave=$(login "$url" dave)
say "$url" "$dave" "$design" "@alice could you check the new sidebar mockups before 3pm?"
snap 2 notification.png
kill "$pid"
echo "screenshots written to $here"
