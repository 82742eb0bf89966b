#!/usr/bin/env python3
"""Medians of side-by-side redis-benchmark rounds, as bench.sh, streams-bench.sh and geo-bench.sh print them.

Input: a CSV file of rows "target,pipeline,round," followed by one row of redis-benchmark --csv
output (test, rps, avg, min, p50, p95, p99, max); target is "redis" or "redline".
Output: per test and pipeline, the median throughput and p50/p99 of both, and the ratio.
"""
import collections
import csv
import statistics
import sys

rows = collections.defaultdict(list)
order = {}
for row in csv.reader(open(sys.argv[1])):
    target, pipe, _round, test, rps, _avg, _min, p50, _p95, p99, _max = row
    order.setdefault(test, len(order))
    rows[(test, int(pipe), target)].append((float(rps), float(p50), float(p99)))


def med(vals, i):
    return statistics.median(v[i] for v in vals)


width = max([len(t) for t in order] + [4]) + 2
print(f"{'test':<{width}}{'P':>3}{'redis rps':>12}{'redline rps':>13}{'ratio':>7}{'p50 r/rl ms':>16}{'p99 r/rl ms':>16}")
for test, pipe in sorted({(t, p) for t, p, _ in rows}, key=lambda k: (k[1], order[k[0]])):
    r, l = rows[(test, pipe, 'redis')], rows[(test, pipe, 'redline')]
    if not r or not l:
        continue
    print(f"{test:<{width}}{pipe:>3}{med(r,0):>12.0f}{med(l,0):>13.0f}{med(l,0)/med(r,0):>7.2f}"
          f"{med(r,1):>8.3f}/{med(l,1):<7.3f}{med(r,2):>8.3f}/{med(l,2):<7.3f}")
