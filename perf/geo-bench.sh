#!/usr/bin/env bash
# GEOSEARCH latency and throughput, side by side: redis-benchmark against redis-server and Redline
# on this machine, both loaded with the same 100,000 points (a city: Gaussian around Paris, about
# 130 points per km^2 at the centre), in alternating rounds, medians over the rounds.
#
#   perf/geo-bench.sh [rounds=3] [requests=100000]
# Env: SHARDS (Redline shards, default: cores), CLIENTS (default 50), PIPELINE (default 1),
#      POINTS (default 100000), JAVA_OPTS, REDLINE_JAR (default target/redline.jar, built if missing).
#
# The searches start from a random member each time (FROMMEMBER p__rand_int__: redis-benchmark
# -r puts a random 12-digit number there, and the points are named p000000000000...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
N=${2:-100000}
CLIENTS=${CLIENTS:-50}
PIPELINE=${PIPELINE:-1}
POINTS=${POINTS:-100000}
SHARDS=${SHARDS:-$(nproc)}
JAR=${REDLINE_JAR:-target/redline.jar}
REDIS_PORT=${REDIS_PORT:-6394}
REDLINE_PORT=${REDLINE_PORT:-6395}
OUT=$(mktemp -d)

# One benchmark per line: a label, then the command.
TESTS=$(cat <<'EOF'
near10|GEOSEARCH places FROMMEMBER p__rand_int__ BYRADIUS 500 m ASC COUNT 10
box1km|GEOSEARCH places FROMMEMBER p__rand_int__ BYBOX 1 1 km WITHDIST
radius200m|GEORADIUS_RO places 2.35 48.85 200 m WITHCOORD
any5|GEOSEARCH places FROMMEMBER p__rand_int__ BYRADIUS 2 km COUNT 5 ANY
geodist|GEODIST places p__rand_int__ p__rand_int__ km
geoadd|GEOADD moving 2.35 48.85 m__rand_int__
EOF
)

[ -f "$JAR" ] || mvn -q -B package -DskipTests
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"
java ${JAVA_OPTS:-} -jar "$JAR" --port "$REDLINE_PORT" --shards "$SHARDS" --save '' --dir "$OUT" > "$OUT/redline.log" 2>&1 &
REDLINE_PID=$!
trap 'redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true; kill $REDLINE_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do redis-cli -p "$REDLINE_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done

# The same points for both, fixed seed.
python3 - "$POINTS" > "$OUT/load.resp" <<'PY'
import random, sys
random.seed(20261129)
n = int(sys.argv[1])
out = sys.stdout.buffer
def cmd(args):
    out.write(b"*%d\r\n" % len(args))
    for a in args:
        a = a.encode()
        out.write(b"$%d\r\n%s\r\n" % (len(a), a))
batch = []
for i in range(n):
    batch += ["%.6f" % random.gauss(2.35, 0.15), "%.6f" % random.gauss(48.85, 0.1), "p%012d" % i]
    if len(batch) == 3000 or i == n - 1:
        cmd(["GEOADD", "places"] + batch)
        batch = []
PY
for port in "$REDIS_PORT" "$REDLINE_PORT"; do
  redis-cli -p "$port" --pipe < "$OUT/load.resp" > /dev/null
  [ "$(redis-cli -p "$port" zcard places)" = "$POINTS" ] || { echo "loading port $port failed" >&2; exit 1; }
done

run() { # port label command...
  local port=$1 label=$2; shift 2
  redis-benchmark -p "$port" -n "$N" -c "$CLIENTS" -P "$PIPELINE" -r "$POINTS" --csv "$@" 2>/dev/null \
    | tail -n +2 | sed "s/^\"[^\"]*\"/\"$label\"/"
}

# Warm the JIT before measuring (Redis needs no warm-up; Redline's first seconds are interpreted).
while IFS='|' read -r label command; do
  # shellcheck disable=SC2086
  run "$REDLINE_PORT" "$label" $command > /dev/null
done <<< "$TESTS"

for r in $(seq "$ROUNDS"); do
  while IFS='|' read -r label command; do
    for target in redis redline; do
      port=$REDIS_PORT; [ "$target" = redline ] && port=$REDLINE_PORT
      # shellcheck disable=SC2086
      run "$port" "$label" $command | sed "s/^/$target,$PIPELINE,$r,/" >> "$OUT/results.csv"
    done
  done <<< "$TESTS"
done

# Both servers must have answered the same: compare one fixed query.
q="GEOSEARCH places FROMLONLAT 2.35 48.85 BYRADIUS 300 m WITHDIST ASC"
# shellcheck disable=SC2086
[ "$(redis-cli -p "$REDIS_PORT" $q | md5sum)" = "$(redis-cli -p "$REDLINE_PORT" $q | md5sum)" ] \
  || echo "WARNING: the servers' answers to '$q' differ" >&2

echo "$TESTS" | sed 's/^/  /'
python3 perf/summarize.py "$OUT/results.csv"
