#!/usr/bin/env bash
# Stream throughput side by side: redis-benchmark against redis-server and Redline on this
# machine, in alternating rounds (drift and noise hit both alike), medians over the rounds.
#
#   perf/streams-bench.sh [rounds=3] [requests=100000]
# Env: SHARDS (Redline shards, default: cores), CLIENTS (default 50), PIPELINES (default "1 16"),
#      JAVA_OPTS, REDLINE_JAR (default target/redline.jar, built if missing).
#
# Tests (one stream key each, so all traffic is on one shard, as in perf/bench.sh):
#   xadd          XADD s * field value                      (auto IDs, 100-entry nodes fill up)
#   xadd-maxlen   XADD s MAXLEN ~ 1000 * field value        (the capped-log idiom)
#   xreadgroup    XREADGROUP GROUP g c<n> COUNT 1 STREAMS s >  (each read delivers one entry and
#                 records it pending for one of 50 consumers; the stream is filled beforehand
#                 with as many entries as there are requests, so no read comes back empty)
#   xrange        XRANGE s - + COUNT 10                      (reads the first 10 entries)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
N=${2:-100000}
CLIENTS=${CLIENTS:-50}
PIPELINES=${PIPELINES:-"1 16"}
SHARDS=${SHARDS:-$(nproc)}
JAR=${REDLINE_JAR:-target/redline.jar}
REDIS_PORT=${REDIS_PORT:-6396}
REDLINE_PORT=${REDLINE_PORT:-6397}
OUT=$(mktemp -d)

[ -f "$JAR" ] || mvn -q -B package -DskipTests
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"
java ${JAVA_OPTS:-} -jar "$JAR" --port "$REDLINE_PORT" --shards "$SHARDS" --save '' --dir "$OUT" > "$OUT/redline.log" 2>&1 &
REDLINE_PID=$!
trap 'redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true; kill $REDLINE_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 300); do redis-cli -p "$REDLINE_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done

# N entries for XREADGROUP to deliver, as one RESP stream for redis-cli --pipe.
python3 - "$N" > "$OUT/fill.resp" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout.buffer
cmd = b"*5\r\n$4\r\nXADD\r\n$4\r\nrg:s\r\n$1\r\n*\r\n$5\r\nfield\r\n$12\r\nvalue-000000\r\n"
out.write(cmd * n)
PY

# Prepares a server for a test: an empty stream, or a filled one with a group at its start.
prepare() {
  local port=$1 test=$2
  redis-cli -p "$port" del s rg:s >/dev/null
  if [ "$test" = xreadgroup ] || [ "$test" = xrange ]; then
    redis-cli -p "$port" --pipe < "$OUT/fill.resp" >/dev/null
    redis-cli -p "$port" xgroup create rg:s g 0 >/dev/null
  fi
}

# Runs one test against one port; prints redis-benchmark's CSV row (without the header).
run() {
  local port=$1 test=$2 pipe=$3 n=$4
  local cmd
  case $test in
    xadd) cmd=(XADD s '*' field value-000000) ;;
    xadd-maxlen) cmd=(XADD s MAXLEN '~' 1000 '*' field value-000000) ;;
    xreadgroup) cmd=(XREADGROUP GROUP g c__rand_int__ COUNT 1 STREAMS rg:s '>') ;;
    xrange) cmd=(XRANGE rg:s - + COUNT 10) ;;
  esac
  redis-benchmark -p "$port" -n "$n" -c "$CLIENTS" -P "$pipe" -r 50 --csv "${cmd[@]}" 2>/dev/null | tail -n +2
}

TESTS="xadd xadd-maxlen xreadgroup xrange"

# Warm Redline's JIT before measuring (Redis needs no warm-up).
for t in $TESTS; do prepare "$REDLINE_PORT" "$t"; run "$REDLINE_PORT" "$t" 16 "$N" >/dev/null; done

for r in $(seq "$ROUNDS"); do
  for p in $PIPELINES; do
    for t in $TESTS; do
      for target in redis redline; do
        port=$REDIS_PORT; [ "$target" = redline ] && port=$REDLINE_PORT
        prepare "$port" "$t"
        run "$port" "$t" "$p" "$N" | sed "s/^\"[^\"]*\"/$target,$p,$r,$t/" >> "$OUT/results.csv"
      done
    done
  done
done

python3 perf/summarize.py "$OUT/results.csv"
