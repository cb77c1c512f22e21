#!/usr/bin/env bash
# Takes the moderation screenshots (admin-users.png, admin-reports.png, member-menu.png) from the real app under
# Xvfb against a real server seeded through the REST API (seed.py; Alice, the first account, is the server
# administrator and owns #general). Needs Xvfb, xdotool and ImageMagick's `import`.
#   BUILD=/path/to/build docs/screenshots/take-moderation.sh
set -euo pipefail
DEFAULT_DISPLAY=:92
. "$(dirname "$0")/common.sh"

start_server
python3 "$here/seed.py" "$url" >"$work/seed.json"
# Moderation on top of the seed: Bob is an admin of #general, two reports wait, Erin was deactivated, Dave muted.
python3 - "$url" "$work/seed.json" <<'PY'
import json, sys, urllib.request
url, seed = sys.argv[1], json.load(open(sys.argv[2]))
def call(method, path, body=None, token=None):
    req = urllib.request.Request(url + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"})
    if token: req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        text = r.read()
        return json.loads(text) if text else None
tok = {u: call("POST", "/api/v1/auth/login", {"username": u, "password": "correct horse battery"})["token"]
       for u in ["alice", "bob", "carol", "dave", "erin"]}
me = {u: call("GET", "/api/v1/users/me", token=t)["id"] for u, t in tok.items()}
general = seed["general"]
call("PATCH", f"/api/v1/channels/{general}/members/{me['bob']}", {"role": "admin"}, tok["alice"])
def say(who, text):
    return call("POST", f"/api/v1/channels/{general}/messages", {"clientMsgId": text[:20] + who, "text": text}, tok[who])["id"]
rude = say("dave", "Honestly this release plan is a joke and so is whoever wrote it.")
ad = say("erin", "Cheap watches!!! Visit totally-legit-watches.example for 90% off")
call("POST", f"/api/v1/messages/{rude}/report", {"reason": "Harassment or insults: aimed at Bob"}, tok["carol"])
call("POST", f"/api/v1/messages/{ad}/report", {"reason": "Spam or advertising"}, tok["bob"])
call("POST", "/api/v1/invites", {"maxUses": 10, "expiresInSeconds": 604800}, tok["alice"])
call("POST", f"/api/v1/admin/users/{me['erin']}/deactivate", {"reason": "spam account"}, tok["alice"])
call("POST", f"/api/v1/channels/{general}/members/{me['dave']}/mute", {"durationSeconds": 3600, "reason": "cool down"},
     tok["bob"])
PY

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" NATTER_PASSWORD="correct horse battery"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
xsetroot -solid '#e5e7eb' 2>/dev/null || true
snap() { sleep "$1"; import -window root "$here/$2"; }

# 1. Bob, a channel admin: the members panel and the menu of a plain member, with the mute durations open.
"$app_bin" --profile shotBob --server "$url" --user bob -qwindowgeometry 1400x900+0+0 &
pid=$!; pids+=($pid)
sleep 6
xdotool search --sync --onlyvisible --name Natter windowfocus --sync 2>/dev/null || true
xdotool key ctrl+shift+m
sleep 2
# Rows of the members panel: Alice (owner), Bob (admin), then Carol, Dave and Erin; Carol's menu.
xdotool mousemove 1180 185 click 3
sleep 1
xdotool key Down Down Down Right
snap 2 member-menu.png
kill "$pid"

# 2. Alice, the server administrator: the open report count beside the menus, the Users tab, the queue.
"$app_bin" --profile shotAlice --server "$url" --user alice -qwindowgeometry 1400x900+0+0 &
pid=$!; pids+=($pid)
sleep 6
xdotool search --sync --onlyvisible --name Natter windowfocus --sync 2>/dev/null || true
xdotool key alt+a
sleep 1
xdotool key d
sleep 3
# The window (1120x620) opens centred over the main window: its top left corner is at 140,140.
xdotool mousemove 240 364 click 1   # Erin, deactivated: the buttons offer to reactivate her
snap 1 admin-users.png
xdotool mousemove 314 161 click 1   # the Reports tab
sleep 2
xdotool mousemove 440 244 click 1   # the first report
snap 1 admin-reports.png
kill "$pid"
echo "screenshots written to $here"
