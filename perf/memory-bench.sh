#!/usr/bin/env bash
# Bytes per key, Redline beside redis-server: process RSS after loading minus RSS at start.
#   perf/memory-bench.sh [KEYS=1000000] [HASHES=100000]
# Cases: KEYS strings "key:%09d" with 16-byte values; HASHES hashes of 10 fields.
# JAVA_OPTS: JVM flags for Redline (default: the README's cache settings).
# Needs redis-server and /usr/bin/python3 with python3-redis; builds nothing (uses target/redline.jar
# or $JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=${1:-1000000}
HASHES=${2:-100000}
JAR=${JAR:-target/redline.jar}
JAVA_OPTS=${JAVA_OPTS:-"-Xms32m -XX:+UseSerialGC -Xmn16m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -XX:TrimNativeHeapInterval=1000"}
PORT=${PORT:-17400}

rss() { awk '/VmRSS/ {print $2 * 1024}' "/proc/$1/status"; }
wait_port() { for _ in $(seq 100); do redis-cli -p "$1" ping >/dev/null 2>&1 && return; sleep 0.1; done; echo "no server on $1" >&2; exit 1; }

measure() { # name kind count start-command...
  local name=$1 kind=$2 count=$3; shift 3
  "$@" >/dev/null 2>&1 &
  local pid=$!
  wait_port "$PORT"
  sleep 1
  local before; before=$(rss "$pid")
  /usr/bin/python3 perf/memory-load.py "$PORT" "$count" "$kind" >/dev/null
  sleep 2 # let a collector finish what the load started
  local after; after=$(rss "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $kind $count $(( (after - before) / count ))"
}

echo "server kind count bytes_per_key"
for kind in str hash; do
  count=$KEYS; [ "$kind" = hash ] && count=$HASHES
  measure redis "$kind" "$count" redis-server --port "$PORT" --save '' --appendonly no --daemonize no
  # shellcheck disable=SC2086
  measure redline "$kind" "$count" java $JAVA_OPTS -jar "$JAR" --port "$PORT" --save ''
done
