#!/usr/bin/env bash
# Runs natter-bench scenarios against natter-server and the Node.js peer, one after the other in the same run,
# each server fresh for each scenario (so memory baselines are clean). Loopback only; every server started here is
# stopped here, by pid.
#   bench/compare.sh [SCENARIO...]            default: idle fanout durable
# Environment: BUILD (build dir, default /work/build-bench), OUT (results dir, default /tmp/natter-bench-results),
# BENCH_ARGS_<scenario> (extra natter-bench options, e.g. BENCH_ARGS_fanout="--channels 5"), SERVERS ("natter node"),
# NATTER_ARGS (extra natter-server options). Server names natter-qt and natter-lite add --ws-transport qt|lite;
# natter-pg stores in PostgreSQL: a fresh database on the server at NATTER_PG_URL (postgresql://USER@HOST:PORT,
# e.g. from `eval "$(scripts/postgres start --durable)"`, whose NATTER_TEST_POSTGRES it also reads).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-/work/build-bench}
out=${OUT:-/tmp/natter-bench-results}
bench=$build/bench/natter-bench
[ -x "$bench" ] || bench=$build/natter-bench
server_bin=${NATTER_SERVER:-$build/server/natter-server}
servers=${SERVERS:-natter node}
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(idle fanout durable)
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"

started=""
cleanup() { for p in $started; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_listening() { # log pid
  for _ in $(seq 100); do
    grep -q 'listening on' "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

start_server() { # name -> echoes "pid port"
  local name=$1 data
  data=$(mktemp -d "/tmp/bench-$name-XXXX")
  case $name in
    natter|natter-noglib|natter-qt|natter-lite|natter-pg)
      # natter-noglib: the same binary on Qt's poll-based UNIX event dispatcher instead of GLib's (experiment).
      local env_args=()
      [ "$name" = natter-noglib ] && env_args=(QT_NO_GLIB=1)
      local server_args=()
      [ "$name" = natter-qt ] && server_args=(--ws-transport qt)
      [ "$name" = natter-lite ] && server_args=(--ws-transport lite)
      if [ "$name" = natter-pg ]; then
        local pg_url=${NATTER_PG_URL:-${NATTER_TEST_POSTGRES%/*}} db
        db=bench_$(basename "$data" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
        psql -X -q -d "$pg_url/postgres" -c "CREATE DATABASE $db" >&2 || return 1
        server_args=(--database "$pg_url/$db")
      fi
      # shellcheck disable=SC2206
      server_args+=(${NATTER_ARGS:-})
      [ -x "$server_bin" ] || { echo "compare: no natter-server at $server_bin" >&2; return 1; }
      # The load comes from one address at a rate no person produces: the abuse limits (docs/security.md) are off.
      env "${env_args[@]}" "$server_bin" --listen 127.0.0.1 --port "${NATTER_PORT:-28787}" --data-dir "$data" --password-cost fast --rate-limit 0 \
        --login-backoff 0 --register-limit 0 --max-pending-hashes 0 --max-connections-per-user 0 \
        --max-unauthenticated-per-address 0 "${server_args[@]}" >"$data/server.log" 2>&1 &
      local pid=$!
      wait_listening "$data/server.log" "$pid" || { cat "$data/server.log" >&2; return 1; }
      echo "$pid ${NATTER_PORT:-28787}" ;;
    node)
      local pid
      pid=$("$here/run-peer.sh" "${PEER_PORT:-28788}" "$data" | tail -1)
      echo "$pid ${PEER_PORT:-28788}" ;;
  esac
}

for scenario in "${scenarios[@]}"; do
  extra_var="BENCH_ARGS_${scenario//-/_}"
  for name in $servers; do
    port_in_use=$([ "$name" != node ] && echo "${NATTER_PORT:-28787}" || echo "${PEER_PORT:-28788}")
    if ss -Htln "sport = :$port_in_use" | grep -q .; then
      echo "compare: port $port_in_use is taken; a fresh server is needed for clean baselines" >&2
      continue
    fi
    pid=""
    read -r pid port < <(start_server "$name" || true) || true
    [ -n "${pid:-}" ] || { echo "compare: $name did not start" >&2; continue; }
    started="$started $pid"
    echo "== $scenario on $name (pid $pid, port $port)" >&2
    # shellcheck disable=SC2086
    timeout 900 "$bench" "$scenario" --target "http://127.0.0.1:$port" --label "$name" --server-pid "$pid" \
      ${!extra_var:-} >"$out/$scenario-$name.txt" || true
    grep -v '^{' "$out/$scenario-$name.txt" >&2 || true
    grep '^{' "$out/$scenario-$name.txt" >>"$out/results.jsonl" || true
    # The server is not our child (it was started in a subshell): poll until it is gone.
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    sleep 1
  done
done
echo "results in $out/results.jsonl" >&2
