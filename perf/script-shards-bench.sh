#!/usr/bin/env bash
# GETs while scripts run: redis-benchmark GETs over 100k keys, side by side on redis-server and
# Redline, each while 4 other clients run a CPU-bound EVAL on one declared key back to back.
# A script holds only its declared key's shard (docs/shards-and-transactions.md), so GETs on the
# other shards go on; Redis runs everything on one thread.
#
#   perf/script-shards-bench.sh [rounds=3] [gets=200000]
# Env: SHARDS (default: cores), JAR (default target/redline.jar), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
N=${2:-200000}
SHARDS=${SHARDS:-$(nproc)}
JAR=${JAR:-target/redline.jar}
REDIS_PORT=${REDIS_PORT:-6392}
REDLINE_PORT=${REDLINE_PORT:-6393}
OUT=$(mktemp -d)
SCRIPT='local s = 0 for i = 1, 20000 do s = s + i end return redis.call("INCR", KEYS[1])'

[ -f "$JAR" ] || mvn -q -B package -DskipTests
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" --port "$REDLINE_PORT" --shards "$SHARDS" --save '' --dir "$OUT" > "$OUT/redline.log" 2>&1 &
REDLINE_PID=$!
SCRIPTS_PID=
trap 'kill $SCRIPTS_PID 2>/dev/null || true; redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true; kill $REDLINE_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do redis-cli -p "$REDLINE_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done

# Warm the JIT (Redis needs none).
redis-benchmark -p "$REDLINE_PORT" -n 2000 -c 4 eval "$SCRIPT" 1 counter -q >/dev/null
redis-benchmark -p "$REDLINE_PORT" -t get -n "$N" -c 50 -r 100000 -q >/dev/null

for r in $(seq "$ROUNDS"); do
  for target in redis redline; do
    port=$REDIS_PORT; [ "$target" = redline ] && port=$REDLINE_PORT
    redis-benchmark -p "$port" -n 100000000 -c 4 eval "$SCRIPT" 1 counter -q >/dev/null 2>&1 &
    SCRIPTS_PID=$!
    sleep 1
    before=$(redis-cli -p "$port" get counter)
    redis-benchmark -p "$port" -t get -n "$N" -c 50 -r 100000 --csv 2>/dev/null \
      | tail -n +2 | sed "s/^/$target,1,$r,/" >> "$OUT/results.csv"
    after=$(redis-cli -p "$port" get counter)
    kill "$SCRIPTS_PID"; wait "$SCRIPTS_PID" 2>/dev/null || true
    echo "$target round $r: $((after - before)) scripts ran during the GETs" >&2
  done
done
python3 perf/summarize.py "$OUT/results.csv"
