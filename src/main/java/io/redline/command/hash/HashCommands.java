package io.redline.command.hash;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** The hash family: binds each handler to its declaration in commands/hash.json. */
public final class HashCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("hash");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("hset", Route.KEYS, HSet.hset());
    t.bind("hmset", Route.KEYS, HSet.hmset());
    t.bind("hsetnx", Route.KEYS, new HSetNx());
    t.bind("hget", Route.KEYS, new HGet());
    t.bind("hmget", Route.KEYS, new HMGet());
    t.bind("hgetall", Route.KEYS, HGetAll.all());
    t.bind("hkeys", Route.KEYS, HGetAll.keys());
    t.bind("hvals", Route.KEYS, HGetAll.vals());
    t.bind("hdel", Route.KEYS, new HDel());
    t.bind("hexists", Route.KEYS, new HExists());
    t.bind("hlen", Route.KEYS, new HLen());
    t.bind("hstrlen", Route.KEYS, new HStrLen());
    t.bind("hincrby", Route.KEYS, new HIncrBy());
    t.bind("hincrbyfloat", Route.KEYS, new HIncrByFloat());
    t.bind("hrandfield", Route.KEYS, new HRandField());
    t.bind("hscan", Route.KEYS, new HScan());
  }
}
