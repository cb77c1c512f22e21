#!/usr/bin/env bash
# Screenshots of files, themes, languages and settings (issue 12) from the real app under Xvfb against a real
# server seeded through the REST API (seed.py) plus uploads made with curl.
#   BUILD=/path/to/build docs/screenshots/take-files.sh
# Needs Xvfb, ImageMagick (convert, import) and xdotool.
set -euo pipefail
DEFAULT_DISPLAY=:57
. "$(dirname "$0")/common.sh"

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
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

# Pictures and files, made here so the screenshots need nothing from outside.
convert -size 1600x900 gradient:'#1e3a8a'-'#60a5fa' -fill '#fbbf24' -draw 'circle 1150,260 1150,380' \
  -fill '#065f46' -draw 'polygon 0,900 420,420 820,900' -fill '#047857' -draw 'polygon 500,900 1000,360 1600,900' \
  "$work/mountains.jpg"
convert -size 800x1000 plasma:'#f472b6'-'#a78bfa' -blur 0x6 "$work/poster-draft.png"
convert -size 900x600 xc:'#f9fafb' -fill '#2563eb' -draw 'rectangle 80,400 180,540' \
  -draw 'rectangle 260,300 360,540' -draw 'rectangle 440,180 540,540' -draw 'rectangle 620,120 720,540' \
  "$work/q3-growth.png"
printf '%%PDF-1.4\n%% Natter release notes\n' >"$work/release-notes.pdf"
head -c 2400000 /dev/urandom >>"$work/release-notes.pdf"
head -c 180000 /dev/urandom >"$work/logs-2026-03-01.tar.gz"

carol=$(login carol); bob=$(login bob); dave=$(login dave)
post "$carol" "Here are the photos from the offsite, and the poster draft:" \
  "$(upload "$carol" "$work/mountains.jpg")" "$(upload "$carol" "$work/poster-draft.png")"
post "$bob" "Release notes for 2.0 and the server logs from this morning" \
  "$(upload "$bob" "$work/release-notes.pdf")" "$(upload "$bob" "$work/logs-2026-03-01.tar.gz")"
post "$dave" "Growth chart for the quarterly review" "$(upload "$dave" "$work/q3-growth.png")"

export DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" NATTER_PASSWORD="correct horse battery"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
xsetroot -solid '#e5e7eb' 2>/dev/null || true
snap() { sleep "$1"; import -window root "$here/$2"; }
settings() { # profile key value: written before the app starts
  local dir="$XDG_DATA_HOME/Natter/Natter/profiles/$1"
  mkdir -p "$dir"
  python3 - "$dir/settings.ini" "$2" "$3" <<'PY'
import configparser, sys
c = configparser.RawConfigParser(); c.optionxform = str; c.read(sys.argv[1])
section, key = sys.argv[2].split("/")
if not c.has_section(section): c.add_section(section)
c.set(section, key, sys.argv[3]); c.write(open(sys.argv[1], "w"))
PY
}
# Without a window manager nothing gets the keyboard focus by itself: hand it to the main window before keys.
focusmain() { xdotool search --name 'Natter' | while read -r w; do xdotool windowfocus --sync "$w" 2>/dev/null && break; done; }
run() { "$app_bin" --profile "$1" --server "$url" --user alice -qwindowgeometry 1400x900+0+0 & pid=$!; pids+=($pid); }

# 1. Inline images and file cards.
run shotC
snap 6 files.png
# 2. The image viewer: a click on the first picture (found on screen: the first blue-ish pixel column).
xdotool mousemove 700 300 >/dev/null 2>&1 || true
pos=$(python3 "$here/findimage.py" "$here/files.png" || echo "420 300")
xdotool mousemove $pos click 1
snap 3 image-viewer.png
# No window manager under Xvfb: give the viewer the keyboard focus, then Esc closes it.
xdotool search --name 'mountains.jpg|poster-draft.png|q3-growth.png' windowfocus --sync key Escape || true
sleep 1
# 3. Uploads in progress: the server is paused (SIGSTOP) while two files are attached with Ctrl+Shift+U, so
# their progress bars stop part way.
head -c 24000000 /dev/urandom >"$work/site-backup.zip"
head -c 9000000 /dev/urandom >"$work/screen-recording.webm"
xdotool mousemove 900 842 click 1
xdotool type --delay 20 "Backups from the old server, as promised"
xdotool key ctrl+shift+u
sleep 2
xdotool type --delay 5 "\"$work/site-backup.zip\" \"$work/screen-recording.webm\""
xdotool key Return
sleep 0.05
kill -STOP "$server_pid"
snap 2 upload-progress.png
kill -CONT "$server_pid"
sleep 2
# 4. The settings dialog (Ctrl+,).
focusmain
xdotool key ctrl+comma
snap 2 settings.png
xdotool key Escape
# 5. The shortcuts overview (Ctrl+/).
xdotool search --name 'Settings' windowfocus --sync key Escape 2>/dev/null || true
focusmain
xdotool key ctrl+slash
snap 2 shortcuts.png
xdotool key Escape
# 6. Spelling: misspelled words underlined in the composer.
xdotool search --name 'Keyboard shortcuts' windowfocus --sync key Escape 2>/dev/null || true
focusmain
xdotool mousemove 900 842 click 1 key ctrl+a key BackSpace
xdotool type --delay 20 "The relase notes are redy for review"
sleep 1
# A real right click on "relase" (its place in a 1400x900 window): suggestions first, then "Add … to the dictionary".
xdotool mousemove 358 827 click 3
snap 1 spelling.png
xdotool key Escape
kill "$pid"

# 7. The dark theme.
settings shotD appearance/theme dark
run shotD
snap 6 dark.png
kill "$pid"

# 8. The German interface, dark off.
settings shotE appearance/language de
run shotE
snap 6 german.png
focusmain
xdotool key ctrl+comma
snap 2 settings-de.png
kill "$pid"
