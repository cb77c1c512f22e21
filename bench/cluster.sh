#!/usr/bin/env bash
# natter-bench against natter-server on PostgreSQL with one or more instances sharing one Redis (issue 14).
# Starts a private PostgreSQL (scripts/postgres --durable: every commit fsynced), a private redis-server and
# INSTANCES natter-servers, each scenario on a fresh database; loopback only; everything started here is stopped
# here by pid.
#   bench/cluster.sh [SCENARIO...]        default: idle fanout durable
# Environment: BUILD (default ./build), OUT (default /tmp/natter-cluster-bench), INSTANCES (default 2),
# BENCH_ARGS_<scenario>, NATTER_ARGS (extra natter-server options), REDIS=0 (no --redis: only for INSTANCES=1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
out=${OUT:-/tmp/natter-cluster-bench}
instances=${INSTANCES:-2}
bench=$build/bench/natter-bench
server_bin=$build/server/natter-server
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(idle fanout durable)
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"

pids=""
redis_dir=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for p in $pids; do wait "$p" 2>/dev/null || true; done
  [ -n "${NATTER_PG_DIR:-}" ] && "$root/scripts/postgres" stop "$NATTER_PG_DIR" || true
  [ -n "$redis_dir" ] && rm -rf "$redis_dir"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

eval "$("$root/scripts/postgres" start --durable)"
redis_url=""
if [ "${REDIS:-1}" != 0 ]; then
  redis_dir=$(mktemp -d /tmp/natter-redis.XXXXXX)
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$redis_dir" --daemonize no \
    >"$redis_dir/log" 2>&1 &
  redis_pid=$!
  pids="$pids $redis_pid"
  for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis_url="redis://127.0.0.1:$redis_port"
fi

n=0
for scenario in "${scenarios[@]}"; do
  n=$((n + 1))
  db="bench_${scenario//-/_}_$n"
  psql -X -q -d "$NATTER_TEST_POSTGRES" -c "CREATE DATABASE $db"
  database="${NATTER_TEST_POSTGRES%/*}/$db"
  targets=""
  server_pids=""
  first_pid=""
  for i in $(seq "$instances"); do
    data=$(mktemp -d "/tmp/bench-cluster-$i-XXXX")
    port=$(free_port)
    # The load comes from one address at a rate no person produces: the abuse limits (docs/security.md) are off.
    args=(--listen 127.0.0.1 --port "$port" --data-dir "$data" --password-cost fast --rate-limit 0 --node-id "$i"
      --login-backoff 0 --register-limit 0 --max-pending-hashes 0 --max-connections-per-user 0
      --max-unauthenticated-per-address 0 --database "$database")
    [ -n "$redis_url" ] && args+=(--redis "$redis_url")
    # shellcheck disable=SC2206
    args+=(${NATTER_ARGS:-})
    "$server_bin" "${args[@]}" >"$data/server.log" 2>&1 &
    pid=$!
    pids="$pids $pid"
    server_pids="$server_pids $pid"
    [ -n "$first_pid" ] || first_pid=$pid
    for _ in $(seq 100); do grep -q 'listening on' "$data/server.log" && break; sleep 0.1; done
    grep -q 'listening on' "$data/server.log" || { cat "$data/server.log" >&2; exit 1; }
    targets="${targets:+$targets,}http://127.0.0.1:$port"
  done
  label="pg-${instances}x${redis_url:+-redis}"
  extra_var="BENCH_ARGS_${scenario//-/_}"
  # shellcheck disable=SC2086
  "$bench" "$scenario" --target "$targets" --label "$label" --server-pid "$first_pid" ${!extra_var:-} \
    > "$out/$scenario-$label.txt" 2> "$out/$scenario-$label.log" || echo "cluster: $scenario failed" >&2
  cat "$out/$scenario-$label.txt"
  for p in $server_pids; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
done
