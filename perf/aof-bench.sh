#!/usr/bin/env bash
# AOF throughput: redis-benchmark SET against redis-server and Redline with appendonly yes, for
# appendfsync always and everysec; median of 3 rounds each, each after three uncounted warm-up runs. Usage: perf/aof-bench.sh [N] [CLIENTS]
# JAR=... picks the Redline jar (default target/redline.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/redline.jar}
N=${1:-100000}
CLIENTS=${2:-50}
median() { sort -n | sed -n 2p; }
wait_up() { for _ in $(seq 300); do redis-cli -p "$1" ping >/dev/null 2>&1 && return; sleep 0.1; done; echo "no server on $1"; exit 1; }
rps() { redis-benchmark -p "$1" -t set -n "$N" -c "$CLIENTS" -r 100000 -q 2>/dev/null | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1 | cut -d' ' -f1; }
printf '%-9s %-12s %14s\n' fsync server "SET ops/s"
for fsync in always everysec; do
  for server in redis redline; do
    runs=()
    for round in 1 2 3; do
      dir=$(mktemp -d); port=$((20000 + RANDOM % 20000))
      if [ $server = redis ]; then
        redis-server --port $port --dir "$dir" --save '' --appendonly yes --appendfsync $fsync --daemonize no >/dev/null 2>&1 &
      else
        java -jar "$JAR" --port $port --dir "$dir" --save '' --appendonly yes --appendfsync $fsync >/dev/null 2>&1 &
      fi
      pid=$!
      wait_up $port
      # warm-up, not counted: three runs, which a JVM needs before its JIT has compiled the write
      # path (the same for both servers; Redis needs none)
      for _ in 1 2 3; do rps $port >/dev/null; done
      runs+=("$(rps $port)")
      kill $pid; wait $pid 2>/dev/null || true; rm -rf "$dir"
    done
    printf '%-9s %-12s %14s\n' $fsync $server "$(printf '%s\n' "${runs[@]}" | median)"
  done
done
