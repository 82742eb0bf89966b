#!/usr/bin/env bash
# Cache hit rate (zipfian reads, cache-aside, allkeys-lru, maxmemory at 20% of the data),
# Redline beside redis-server: perf/hitrate-bench.sh [KEYS=100000] [READS=300000]
# See perf/hitrate-bench.py for the workload. Uses target/redline.jar (or $JAR), $JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=${1:-100000}
READS=${2:-300000}
JAR=${JAR:-target/redline.jar}
PORT=${PORT:-17401}
wait_port() { for _ in $(seq 100); do redis-cli -p "$1" ping >/dev/null 2>&1 && return; sleep 0.1; done; exit 1; }
run() { # name start-command...
  local name=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  wait_port "$PORT"
  echo "$name $(/usr/bin/python3 perf/hitrate-bench.py "$PORT" "$KEYS" "$READS")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo "server hit_rate evicted_keys data_bytes"
run redis redis-server --port "$PORT" --save '' --appendonly no --daemonize no
# shellcheck disable=SC2086
run redline java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" --save ''
