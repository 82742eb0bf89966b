#!/usr/bin/env bash
# kill -9 under write load with the AOF on; checks what comes back after a restart.
#   always:   every acknowledged write is there (0 lost)
#   everysec: at most ~1 s of acknowledged writes lost (a process kill loses none: the writer
#             hands every batch to the OS at once; only a machine crash loses the last second)
#   a truncated tail: starts, keeps every complete command (aof-load-truncated yes)
# Usage: scripts/crash-aof.sh [SECONDS_OF_LOAD] ; JAR=... picks the jar (default target/redline.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/redline.jar}
LOAD=${1:-3}
PORT=$((20000 + RANDOM % 20000))
fail=0
start() { # dir fsync
  java -jar "$JAR" --port "$PORT" --shards 2 --dir "$1" --save '' --appendonly yes --appendfsync "$2" >"$1/log" 2>&1 &
  PID=$!
  for _ in $(seq 300); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "Redline did not start"; cat "$1/log"; exit 1
}
for fsync in always everysec; do
  dir=$(mktemp -d)
  start "$dir" "$fsync"
  # Background write load, plus one client counting up: each +OK it read is an acknowledged write.
  redis-benchmark -p "$PORT" -t set -r 100000 -n 100000000 -c 20 -q >/dev/null 2>&1 &
  LOADPID=$!
  python3 - "$PORT" "$dir/acked" "$LOAD" <<'PY' &
import socket, sys, time
port, out, secs = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port)); f = s.makefile("rb")
end = time.time() + secs + 5; i = 0; last = -1
try:
    while time.time() < end:
        s.sendall(b"SET acked %d\r\n" % i)
        if f.readline() != b"+OK\r\n": break
        last = i; i += 1
        if i % 100 == 0: open(out, "w").write("%d %f\n" % (last, time.time()))
except Exception: pass
open(out, "w").write("%d %f\n" % (last, time.time()))
PY
  ACKPID=$!
  sleep "$LOAD"
  kill -9 "$PID"; killtime=$(date +%s.%N)
  wait "$ACKPID" 2>/dev/null || true; kill "$LOADPID" 2>/dev/null || true
  read -r acked _ < "$dir/acked"
  start "$dir" "$fsync"
  got=$(redis-cli -p "$PORT" get acked)
  redis-check-aof "$dir/appendonlydir/appendonly.aof.manifest" | tail -1
  if [ "$fsync" = always ]; then
    if [ "$got" -ge "$acked" ]; then echo "always: acknowledged $acked, recovered $got: OK"; else echo "always: LOST writes ($acked acked, $got back)"; fail=1; fi
  else
    echo "everysec: acknowledged $acked, recovered $got (lost $((acked > got ? acked - got : 0)))"
  fi
  # Truncated tail: cut the last incr file in the middle of a command.
  kill -9 "$PID"; sleep 0.2
  incr=$(ls "$dir"/appendonlydir/*.incr.aof | tail -1)
  printf '*3\r\n$3\r\nSET\r\n$5\r\nacked\r\n$3\r\n99' >> "$incr"
  start "$dir" "$fsync"
  after=$(redis-cli -p "$PORT" get acked)
  if [ "$after" = "$got" ] && grep -q "Truncating the AOF" "$dir/log"; then echo "truncated tail: loaded, acked=$after: OK"; else echo "truncated tail: FAILED ($after vs $got)"; fail=1; fi
  kill -9 "$PID"; rm -rf "$dir"
done
exit $fail
