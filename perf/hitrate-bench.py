"""Cache hit rate under allkeys-lru, Redline beside redis-server (run by perf/hitrate-bench.sh).

A cache-aside workload: keys drawn from a Zipf distribution (s = 1.0) over KEYS keys; each read
that misses writes the key back (100-byte value). maxmemory is 20% of what the whole data set
takes on that server (measured by loading it once without a limit), so each server is given the
same share of its own footprint. Hit rate is counted after a warm-up of one third of the reads.
Same seeded key sequence for both servers.
"""
import bisect, random, sys
import redis

port, keys, reads = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
r = redis.Redis(port=port)
value = b"v" * 100
r.flushall()
r.config_set("maxmemory", 0)
p = r.pipeline(transaction=False)
for i in range(keys):
    p.set(b"item:%08d" % i, value)
    if i % 5000 == 4999:
        p.execute()
p.execute()
full = int(r.info("memory")["used_memory"]) - int(r.info("memory").get("used_memory_startup", 0))
r.flushall()
r.config_set("maxmemory-policy", "allkeys-lru")
r.config_set("maxmemory", int(r.info("memory")["used_memory"]) + full // 5)

weights = [1.0 / (k + 1) for k in range(keys)]
cdf, total = [], 0.0
for w in weights:
    total += w
    cdf.append(total)
rng = random.Random(42)
seq = [bisect.bisect_left(cdf, rng.random() * total) for _ in range(reads)]

hits = misses = 0
warm = reads // 3
batch = 100
for start in range(0, reads, batch):
    chunk = seq[start:start + batch]
    p = r.pipeline(transaction=False)
    for k in chunk:
        p.get(b"item:%08d" % k)
    got = p.execute()
    p = r.pipeline(transaction=False)
    for n, (k, v) in enumerate(zip(chunk, got)):
        if v is None:
            p.set(b"item:%08d" % k, value)
        if start + n >= warm:
            if v is None:
                misses += 1
            else:
                hits += 1
    p.execute()
info = r.info("stats")
print("%.4f %d %d" % (hits / (hits + misses), int(info["evicted_keys"]), full))
r.config_set("maxmemory", 0)
r.config_set("maxmemory-policy", "noeviction")
