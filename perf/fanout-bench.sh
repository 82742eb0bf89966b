#!/usr/bin/env bash
# Pub/sub fan-out, side by side: perf/fanout-bench.java (1 publisher, 1,000 subscribers over RESP)
# against redis-server and Redline on this machine, in alternating rounds, medians over the rounds;
# then the same publisher to 1,000 browsers over the chat module's WebSocket (perf/fanout-ws-bench.java,
# row redline-ws; WS_MESSAGES, default 5000, for its throughput phase).
#
#   perf/fanout-bench.sh [rounds=3]
# Env: SHARDS (Redline shards, default: cores), SUBSCRIBERS (1000), MESSAGES (20000), SIZE (64),
#      RATE (200 msg/s in the latency phase: 200,000 deliveries/s, well below saturation), LAT_SECONDS (3), READERS (4), JAVA_OPTS,
#      REDLINE_JAR (default target/redline.jar, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SHARDS=${SHARDS:-$(nproc)}
JAR=${REDLINE_JAR:-target/redline.jar}
REDIS_PORT=${REDIS_PORT:-6392}
REDLINE_PORT=${REDLINE_PORT:-6393}
WS_ARGS="--subscribers ${SUBSCRIBERS:-1000} --messages ${WS_MESSAGES:-5000} --size ${SIZE:-64} --rate ${RATE:-200} --seconds ${LAT_SECONDS:-3}"
ARGS="--subscribers ${SUBSCRIBERS:-1000} --messages ${MESSAGES:-20000} --size ${SIZE:-64} --rate ${RATE:-200} --seconds ${LAT_SECONDS:-3} --readers ${READERS:-4}"
OUT=$(mktemp -d)

[ -f "$JAR" ] || mvn -q -B package -DskipTests
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"
HTTP_PORT=${HTTP_PORT:-6394}
# The chat module's WebSocket endpoint too (no history, no publish limit: the RESP publisher drives it).
java ${JAVA_OPTS:-} -jar "$JAR" --port "$REDLINE_PORT" --shards "$SHARDS" --save '' --dir "$OUT" \
  --http-port "$HTTP_PORT" --chat-history-length 0 > "$OUT/redline.log" 2>&1 &
REDLINE_PID=$!
trap 'redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true; kill $REDLINE_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do redis-cli -p "$REDLINE_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done

for r in $(seq "$ROUNDS"); do
  for target in redis redline redline-ws; do
    port=$REDIS_PORT; [ "$target" != redis ] && port=$REDLINE_PORT
    if [ "$target" = redline-ws ]; then
      line=$(java perf/fanout-ws-bench.java --port "$port" --http-port "$HTTP_PORT" $WS_ARGS)
    else
      line=$(java perf/fanout-bench.java --port "$port" $ARGS)
    fi
    echo "round $r $target: $line"
    echo "$target $line" >> "$OUT/results.txt"
  done
done

python3 - "$OUT/results.txt" <<'PY'
import re, statistics, sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    target, rest = line.split(" ", 1)
    rows[target].append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)})
def med(t, k): return statistics.median(r[k] for r in rows[t])
print(f"{'':<10}{'msgs/s':>10}{'deliveries/s':>14}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
for t in ("redis", "redline", "redline-ws"):
    print(f"{t:<10}{med(t,'msgs_per_s'):>10.0f}{med(t,'deliveries_per_s'):>14.0f}{med(t,'p50_ms'):>9.3f}{med(t,'p99_ms'):>9.3f}{med(t,'max_ms'):>9.3f}")
print(f"{'ratio':<10}{med('redline','msgs_per_s')/med('redis','msgs_per_s'):>10.2f}")
PY
