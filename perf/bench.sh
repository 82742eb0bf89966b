#!/usr/bin/env bash
# Side-by-side throughput and latency: redis-benchmark against redis-server and Redline on this
# machine, in alternating rounds (so drift and noise hit both alike), medians over the rounds.
#
#   perf/bench.sh [rounds=3] [requests=200000]
# Env: SHARDS (Redline shards, default: cores), TESTS (default set,get,incr,mset),
#      CLIENTS (default 50), PIPELINES (default "1 16"), JAVA_OPTS,
#      KEYSPACE (redis-benchmark -r: spread keys over that many names; default: one key per
#      test, redis-benchmark's own default, which puts all traffic on one shard).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
N=${2:-200000}
TESTS=${TESTS:-set,get,incr,mset}
CLIENTS=${CLIENTS:-50}
PIPELINES=${PIPELINES:-"1 16"}
SHARDS=${SHARDS:-$(nproc)}
REDIS_PORT=${REDIS_PORT:-6390}
REDLINE_PORT=${REDLINE_PORT:-6391}
OUT=$(mktemp -d)

[ -f target/redline.jar ] || mvn -q -B package -DskipTests
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"
java ${JAVA_OPTS:-} -jar target/redline.jar --port "$REDLINE_PORT" --shards "$SHARDS" --save '' --dir "$OUT" > "$OUT/redline.log" 2>&1 &
REDLINE_PID=$!
trap 'redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true; kill $REDLINE_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do redis-cli -p "$REDLINE_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done

# Warm the JIT before measuring (Redis needs no warm-up; Redline's first seconds are interpreted).
redis-benchmark -p "$REDLINE_PORT" -t "$TESTS" -n "$N" -c "$CLIENTS" -P 16 -q >/dev/null
redis-benchmark -p "$REDLINE_PORT" -t "$TESTS" -n "$N" -c "$CLIENTS" -q >/dev/null

for r in $(seq "$ROUNDS"); do
  for p in $PIPELINES; do
    for target in redis redline; do
      port=$REDIS_PORT; [ "$target" = redline ] && port=$REDLINE_PORT
      redis-benchmark -p "$port" -t "$TESTS" -n "$N" -c "$CLIENTS" -P "$p" ${KEYSPACE:+-r $KEYSPACE} --csv 2>/dev/null \
        | tail -n +2 | sed "s/^/$target,$p,$r,/" >> "$OUT/results.csv"
    done
  done
done

python3 perf/summarize.py "$OUT/results.csv"
