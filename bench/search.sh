#!/usr/bin/env bash
# Search latency at scale, SQLite and PostgreSQL side by side: one channel of MESSAGES messages written straight
# into the store (generate_series, not the gateway: a million acknowledged sends would take minutes), then each
# query asked REPEAT times through GET /api/v1/search, timed by curl from request to last byte.
#   bench/search.sh [MESSAGES]      default 1000000; ENGINES="sqlite postgresql", REPEAT=15, BUILD=./build
# The texts are "seeded message N with a line of ordinary chat text after it", every 1,000th with " zebra": the
# queries are a word in every message, a prefix of it, two such words, a word in one message of 1,000, a
# prefix in one of nine ("message 5"), and a word in none. Loopback only; everything started here is stopped here
# by pid. Needs what scripts/setup installs (sqlite3, psql, curl). Prints one markdown row per engine and
# query: p50 and max in ms, and how many results the page had.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
server_bin=$build/server/natter-server
messages=${1:-1000000}
repeat=${REPEAT:-15}
engines=${ENGINES:-sqlite postgresql}
queries=("ordinary" "ord" "chat text" "zebra" "message 5" "nothinglikethis")

pids=""
work=$(mktemp -d /tmp/natter-search-bench.XXXXXX)
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -n "${NATTER_PG_DIR:-}" ] && "$root/scripts/postgres" stop "$NATTER_PG_DIR" || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_server() { # DATA PORT [--database URL]
  local data=$1 port=$2; shift 2
  "$server_bin" --listen 127.0.0.1 --port "$port" --data-dir "$data" --password-cost fast --rate-limit 0 \
    --register-limit 0 --login-backoff 0 "$@" >>"$data/server.log" 2>&1 &
  server_pid=$!
  pids="$pids $server_pid"
  for _ in $(seq 100); do grep -q 'listening on' "$data/server.log" && return 0; sleep 0.1; done
  cat "$data/server.log" >&2
  exit 1
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }

# Registers ana and makes her channel; sets token, user and channel.
set_up() { # PORT
  local base="http://127.0.0.1:$1" reply
  reply=$(curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"ana","password":"correct horse battery","displayName":"Ana"}')
  token=$(echo "$reply" | json "['token']")
  user=$(echo "$reply" | json "['user']['id']")
  channel=$(curl -sf -X POST "$base/api/v1/channels" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"big","type":"group"}' | json "['id']")
}

# The INSERT ... SELECT both engines run, over a series the caller names "g(i)".
rows_sql() {
  echo "INSERT INTO messages (id, channel_id, seq, ordinal, author_id, client_msg_id, text, created_at)
    SELECT $channel + 1000 + i, $channel, i + 1, i, $user, 'seed' || i,
      'seeded message ' || i || ' with a line of ordinary chat text after it'
        || CASE WHEN i % 1000 = 0 THEN ' zebra' ELSE '' END, 1764558000000 + i FROM g"
}

measure() { # ENGINE PORT
  local engine=$1 base="http://127.0.0.1:$2" q encoded times count
  for q in "${queries[@]}"; do
    encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
    times=()
    for _ in $(seq "$repeat"); do
      times+=("$(curl -s -o "$work/page.json" -w '%{time_total}' "$base/api/v1/search?q=$encoded" \
        -H "Authorization: Bearer $token")")
    done
    count=$(json "['messages'].__len__()" <"$work/page.json")
    printf '%s\n' "${times[@]}" | sort -n | awk -v e="$engine" -v q="$q" -v n="$messages" -v c="$count" \
      '{ t[NR] = $1 * 1000 } END { printf "| %s | %d | %s | %.1f | %.1f | %d |\n", e, n, q, t[int((NR + 1) / 2)], t[NR], c }'
  done
}

echo "| engine | messages | query | p50 ms | max ms | results |"
echo "| --- | --- | --- | --- | --- | --- |"
for engine in $engines; do
  data="$work/$engine"
  mkdir -p "$data"
  port=$(free_port)
  if [ "$engine" = sqlite ]; then
    start_server "$data" "$port"
    set_up "$port"
    stop_server
    sqlite3 "$data/natter.db" "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $messages)
      $(rows_sql); UPDATE channels SET last_seq = $messages + 1, message_count = $messages"
    rm -f "$data"/search.db*
    start_server "$data" "$port"
    # search.db is rebuilt from natter.db at start: wait until the newest message is found.
    for _ in $(seq 600); do
      found=$(curl -s "http://127.0.0.1:$port/api/v1/search?q=$messages" -H "Authorization: Bearer $token" \
        | json "['messages'].__len__()" 2>/dev/null || true)
      [ "$found" = 1 ] && break
      sleep 1
    done
  else
    eval "$("$root/scripts/postgres" start --durable)"
    psql -X -q -d "$NATTER_TEST_POSTGRES" -c "CREATE DATABASE search_bench"
    database="${NATTER_TEST_POSTGRES%/*}/search_bench"
    start_server "$data" "$port" --database "$database"
    set_up "$port"
    psql -X -q -d "$database" -c "WITH g AS (SELECT generate_series(1, $messages) AS i) $(rows_sql)" \
      -c "UPDATE channels SET last_seq = $messages + 1, message_count = $messages" -c "VACUUM ANALYZE messages"
  fi
  measure "$engine" "$port"
  stop_server
done
