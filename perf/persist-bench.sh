#!/usr/bin/env bash
# BGSAVE under load, redis-server (fork) and Redline (no fork) side by side.
#
# For each server: load N keys; measure SET/GET p99 in short redis-benchmark bursts while idle;
# start BGSAVE and keep running the same bursts until the save has finished (the bursts
# overwrite random keys, so Redline's copy-before-write path and Redis's copy-on-write pages both
# work); then restart the server on the file it wrote and time the load.
#
# Columns: p99 of SET and GET idle (median of 5 bursts), during the save (median and worst
# burst), bursts run during the save, BGSAVE wall time, file size, start-up time until PONG
# (process start included: a JVM for Redline), the load time the server itself logs, keys loaded.
#
# Usage: perf/persist-bench.sh [N]            N keys (default 1000000; the issue's long form is 5000000)
#   VALUE=32 (bytes per value)  CLIENTS=50  BURST=10000 (requests per burst)  SHARDS=$(nproc)
#   JAR=target/redline.jar   JAVA_OPTS=...   (Redline's JVM; give it heap for big N, e.g. -Xmx8g)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
VALUE=${VALUE:-32}
CLIENTS=${CLIENTS:-50}
BURST=${BURST:-10000}
SHARDS=${SHARDS:-$(nproc)}
JAR=${JAR:-target/redline.jar}
[ -f "$JAR" ] || mvn -q -B package -DskipTests
for tool in redis-server redis-cli redis-benchmark python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
OUT=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# Starts $1 (redis|redline) on $PORT with directory $DIR; returns once it answers PONG.
start() {
  case $1 in
    redis) redis-server --port "$PORT" --save '' --appendonly no --dir "$DIR" --daemonize no >>"$DIR/server.log" 2>&1 & ;;
    redline) java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" --shards "$SHARDS" --save '' --dir "$DIR" >>"$DIR/server.log" 2>&1 & ;;
  esac
  PID=$!
  for _ in $(seq 1 6000); do
    [ "$(redis-cli -p "$PORT" ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.02
  done
  echo "$1 did not start"; tail "$DIR/server.log"; exit 1
}

stop() { redis-cli -p "$PORT" shutdown nosave >/dev/null 2>&1 || true; wait "$PID" 2>/dev/null || true; PID=; }

populate() {
  python3 - "$N" "$VALUE" <<'EOF' | redis-cli -p "$PORT" --pipe >/dev/null
import sys
n, size = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
v = b"v" * size
for i in range(n):
    k = b"key:%012d" % i  # redis-benchmark -r N writes key:000000xxxxxx: the same names
    out.write(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(k), k, len(v), v))
EOF
}

# One burst; prints "<set p99> <get p99>" in ms.
burst() {
  redis-benchmark -p "$PORT" -t set,get -n "$BURST" -c "$CLIENTS" -r "$N" -d "$VALUE" --csv 2>/dev/null \
    | awk -F'"' '/^"SET"/{s=$14} /^"GET"/{g=$14} END{print s, g}'
}

median() { sort -n | awk '{a[NR]=$1} END{if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }
maxof() { sort -n | tail -1; }

in_progress() { redis-cli -p "$PORT" info persistence | tr -d '\r' | sed -n 's/^rdb_bgsave_in_progress://p'; }

run() {
  local name=$1
  DIR="$OUT/$name"; mkdir -p "$DIR"
  PORT=$(free_port)
  start "$name"
  local t0; t0=$(now_ms); populate; local fill=$(( $(now_ms) - t0 ))
  for _ in 1 2 3 4 5; do burst; done >"$DIR/idle"
  # The save: a poller notes when it ends while bursts keep running.
  rm -f "$DIR/saved"
  t0=$(now_ms)
  redis-cli -p "$PORT" bgsave >/dev/null
  ( while [ "$(in_progress)" = 1 ]; do sleep 0.01; done; echo $(( $(now_ms) - t0 )) >"$DIR/saved" ) &
  local poller=$!
  : >"$DIR/busy"
  while [ ! -f "$DIR/saved" ]; do burst >>"$DIR/busy"; done
  wait "$poller"
  local save_ms; save_ms=$(cat "$DIR/saved")
  local bursts; bursts=$(wc -l <"$DIR/busy")
  local size; size=$(stat -c %s "$DIR/dump.rdb")
  stop
  t0=$(now_ms); start "$name"; local load_ms=$(( $(now_ms) - t0 ))
  local keys; keys=$(redis-cli -p "$PORT" dbsize)
  # The servers' own figure for the load alone (both log "DB loaded from disk: X seconds").
  local loaded; loaded=$(grep -o 'DB loaded from disk: [0-9.]* seconds' "$DIR/server.log" | tail -1 | awk '{print $5 * 1000}')
  stop
  printf '%-8s %9s %9s %9s %9s %9s %9s %7s %9s %10s %8s %8s %9s\n' "$name" \
    "$(cut -d' ' -f1 "$DIR/idle" | median)" "$(cut -d' ' -f1 "$DIR/busy" | median)" "$(cut -d' ' -f1 "$DIR/busy" | maxof)" \
    "$(cut -d' ' -f2 "$DIR/idle" | median)" "$(cut -d' ' -f2 "$DIR/busy" | median)" "$(cut -d' ' -f2 "$DIR/busy" | maxof)" \
    "$bursts" "$save_ms" "$size" "$load_ms" "${loaded:--}" "$keys"
}

echo "N=$N VALUE=$VALUE CLIENTS=$CLIENTS BURST=$BURST SHARDS=$SHARDS ($(nproc) cores); p99 in ms, times in ms"
printf '%-8s %9s %9s %9s %9s %9s %9s %7s %9s %10s %8s %8s %9s\n' server set-idle set-save set-max get-idle get-save get-max bursts bgsave-ms rdb-bytes start-ms load-ms keys
run redis
run redline
