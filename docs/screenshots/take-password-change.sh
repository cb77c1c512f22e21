#!/usr/bin/env bash
# Takes password-change.png: the sign-in screen asking for a new password after an administrator reset Bob's
# password, from the real app under Xvfb against a real server seeded through the REST API. Needs Xvfb and
# ImageMagick's `import`.
#   BUILD=/path/to/build docs/screenshots/take-password-change.sh
set -euo pipefail
DEFAULT_DISPLAY=:95
. "$(dirname "$0")/common.sh"

start_server
# Alice, the first account, is the server administrator; she resets Bob's password.
temporary=$(python3 - "$url" <<'PY'
import json, sys, urllib.request
url = sys.argv[1]
def call(method, path, body=None, token=None):
    req = urllib.request.Request(url + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"})
    if token: req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        text = r.read()
        return json.loads(text) if text else None
alice = call("POST", "/api/v1/auth/register", {"username": "alice", "password": "correct horse battery"})
bob = call("POST", "/api/v1/auth/register", {"username": "bob", "password": "correct horse battery"})
reset = call("POST", f"/api/v1/admin/users/{bob['user']['id']}/reset-password", {}, alice["token"])
print(reset["temporaryPassword"])
PY
)

Xvfb "$display" -screen 0 1000x700x24 >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" NATTER_PASSWORD="$temporary"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
xsetroot -solid '#e5e7eb' 2>/dev/null || true

"$app_bin" --profile shotBob --server "$url" --user bob -qwindowgeometry 1000x700+0+0 &
pids+=($!)
sleep 6
import -window root "$here/password-change.png"
echo "screenshot written to $here/password-change.png"
