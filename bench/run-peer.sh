#!/usr/bin/env bash
# Starts the Node.js reference peer (../shared/peers/node-ws) from a copy outside the repository: the peer is a
# yardstick, never part of Natter. Idempotent: copies and installs only when needed; restarts nothing that runs.
#   bench/run-peer.sh [PORT] [DATA_DIR]      prints the peer's pid on the last line
set -euo pipefail
port=${1:-8788}
data=${2:-/tmp/peer-data}
here=$(cd "$(dirname "$0")" && pwd)
peer_src=${NATTER_PEER_SRC:-$here/../../shared/peers/node-ws}
[ -d "$peer_src" ] || peer_src=/work/shared/peers/node-ws
peer=${NATTER_PEER_DIR:-/tmp/node-ws}

command -v node >/dev/null || { echo "run-peer: node is not installed (apt-get install nodejs npm)" >&2; exit 1; }
if ! cmp -s "$peer_src/server.js" "$peer/server.js" 2>/dev/null; then
  mkdir -p "$peer"
  cp -r "$peer_src/." "$peer/"
  chmod -R u+w "$peer"
fi
if ! (cd "$peer" && node -e "require('ws'); require('better-sqlite3')" 2>/dev/null); then
  (cd "$peer" && npm install --no-audit --no-fund >&2)
fi
if pid=$(ss -Htlnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2) && [ -n "$pid" ]; then
  echo "run-peer: port $port is already served by pid $pid" >&2
  echo "$pid"
  exit 0
fi
mkdir -p "$data"
# The peer holds one file per connection: give it the whole hard limit, like the bench takes for itself.
ulimit -n "$(ulimit -Hn)"
nohup node "$peer/server.js" --port "$port" --listen 127.0.0.1 --data-dir "$data" >"$data/peer.log" 2>&1 &
pid=$!
for _ in $(seq 50); do
  grep -q '^listening on' "$data/peer.log" 2>/dev/null && { echo "$pid"; exit 0; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "run-peer: the peer did not start; see $data/peer.log" >&2
exit 1
