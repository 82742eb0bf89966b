#!/usr/bin/env bash
# kill -9 during BGSAVE: the previous dump.rdb must stay intact (same bytes), pass
# redis-check-rdb, and load on restart with exactly the keys it had.
#
# Each round: start Redline, write KEYS keys (generation g), SAVE, write KEYS more and overwrite
# the first ones (generation g+1), start a BGSAVE, SIGKILL the process while the save is running,
# then check the file and restart from it.
#
# Usage: scripts/crash-bgsave.sh [KEYS] [ROUNDS]        (defaults: 200000 keys, 3 rounds)
#   JAR=path/to/redline.jar   (default target/redline.jar, built if missing)
# A short form runs in the build: CrashDuringBgsaveTest.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=${1:-200000}
ROUNDS=${2:-3}
JAR=${JAR:-target/redline.jar}
[ -f "$JAR" ] || mvn -q -B package -DskipTests
for tool in redis-cli python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
DIR=$(mktemp -d)
PID=
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
cli() { redis-cli -p "$PORT" "$@"; }

start() {
  java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" --shards 2 --dir "$DIR" --save '' >>"$DIR/redline.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do cli ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "Redline did not start:"; tail -20 "$DIR/redline.log"; exit 1
}

# SET key:<i> g<gen>-<i> for i in [from, to), through redis-cli --pipe.
write() {
  python3 - "$1" "$2" "$3" <<'EOF' | cli --pipe >/dev/null
import sys
frm, to, gen = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
out = sys.stdout.buffer
for i in range(frm, to):
    k = b"key:%d" % i
    v = b"g%s-%d" % (gen.encode(), i)
    out.write(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(k), k, len(v), v))
EOF
}

field() { cli info persistence | tr -d '\r' | sed -n "s/^$1://p"; }

for round in $(seq 1 "$ROUNDS"); do
  start
  cli flushall >/dev/null
  write 0 "$KEYS" "$round"
  cli save >/dev/null
  SUM=$(sha256sum "$DIR/dump.rdb" | cut -d' ' -f1)
  SIZE=$(cli dbsize)
  write 0 $((KEYS * 2)) "$((round + 1))"
  # Slow the save a little so the kill lands inside it on any machine.
  cli config set rdb-key-save-delay 20 >/dev/null
  cli bgsave >/dev/null
  for _ in $(seq 1 500); do
    [ "$(field rdb_bgsave_in_progress)" = 1 ] && [ "$(field current_save_keys_processed)" -gt 1000 ] && break
    sleep 0.01
  done
  DONE=$(field current_save_keys_processed)
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true; PID=
  TEMP=$(ls "$DIR" | grep -c '^temp-' || true)
  [ "$(sha256sum "$DIR/dump.rdb" | cut -d' ' -f1)" = "$SUM" ] || { echo "round $round: dump.rdb changed"; exit 1; }
  if command -v redis-check-rdb >/dev/null; then
    redis-check-rdb "$DIR/dump.rdb" >"$DIR/check.log" 2>&1 || { echo "round $round: redis-check-rdb failed"; cat "$DIR/check.log"; exit 1; }
  fi
  rm -f "$DIR"/temp-*.rdb
  start
  [ "$(cli dbsize)" = "$SIZE" ] || { echo "round $round: $(cli dbsize) keys after restart, expected $SIZE"; exit 1; }
  [ "$(cli get key:$((KEYS - 1)))" = "g$round-$((KEYS - 1))" ] || { echo "round $round: wrong generation loaded"; exit 1; }
  cli shutdown nosave >/dev/null 2>&1 || true
  wait "$PID" 2>/dev/null || true; PID=
  echo "round $round: killed after $DONE keys written by BGSAVE ($TEMP temp file left); dump.rdb intact, $SIZE keys reloaded"
done
echo "PASS: $ROUNDS rounds, $KEYS keys each"
