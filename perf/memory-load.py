import redis, sys, time
port=int(sys.argv[1]); n=int(sys.argv[2]); kind=sys.argv[3] if len(sys.argv)>3 else 'str'
r=redis.Redis(port=port)
p=r.pipeline(transaction=False)
v=b'x'*16
for i in range(n):
    if kind=='str': p.set(b'key:%09d'%i, v)
    else: p.hset(b'hash:%07d'%i, mapping={b'field:%d'%f: b'value:%08d'%f for f in range(10)})
    if i%5000==4999: p.execute()
p.execute()
print(r.dbsize())
