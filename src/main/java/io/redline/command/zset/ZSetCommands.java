package io.redline.command.zset;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/**
 * The sorted-set family: binds each handler to its declaration in commands/sorted-set.json
 * (Redis's group name). The blocking BZPOPMIN, BZPOPMAX and BZMPOP live with the blocking
 * commands, not here.
 */
public final class ZSetCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("sorted-set");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("zadd", Route.KEYS, ZAdd.zadd());
    t.bind("zincrby", Route.KEYS, ZAdd.zincrby());
    t.bind("zscore", Route.KEYS, new ZScore());
    t.bind("zmscore", Route.KEYS, new ZMScore());
    t.bind("zcard", Route.KEYS, new ZCard());
    t.bind("zcount", Route.KEYS, ZCount.byScore());
    t.bind("zlexcount", Route.KEYS, ZCount.byLex());
    t.bind("zrange", Route.KEYS, ZRange.zrange());
    t.bind("zrangestore", Route.KEYS, ZRange.zrangestore());
    t.bind("zrevrange", Route.KEYS, ZRange.zrevrange());
    t.bind("zrangebyscore", Route.KEYS, ZRange.zrangebyscore());
    t.bind("zrevrangebyscore", Route.KEYS, ZRange.zrevrangebyscore());
    t.bind("zrangebylex", Route.KEYS, ZRange.zrangebylex());
    t.bind("zrevrangebylex", Route.KEYS, ZRange.zrevrangebylex());
    t.bind("zrank", Route.KEYS, ZRank.ascending());
    t.bind("zrevrank", Route.KEYS, ZRank.descending());
    t.bind("zrem", Route.KEYS, new ZRem());
    t.bind("zremrangebyrank", Route.KEYS, ZRemRange.byRank());
    t.bind("zremrangebyscore", Route.KEYS, ZRemRange.byScore());
    t.bind("zremrangebylex", Route.KEYS, ZRemRange.byLex());
    t.bind("zpopmin", Route.KEYS, ZPop.min());
    t.bind("zpopmax", Route.KEYS, ZPop.max());
    t.bind("zmpop", Route.KEYS, new ZMPop());
    t.bind("bzpopmin", Route.KEYS, BZPop.min());
    t.bind("bzpopmax", Route.KEYS, BZPop.max());
    t.bind("bzmpop", Route.KEYS, new BZMPop());
    t.bind("zrandmember", Route.KEYS, new ZRandMember());
    t.bind("zunion", Route.KEYS, ZSetOp.zunion());
    t.bind("zinter", Route.KEYS, ZSetOp.zinter());
    t.bind("zdiff", Route.KEYS, ZSetOp.zdiff());
    t.bind("zunionstore", Route.KEYS, ZSetOp.zunionstore());
    t.bind("zinterstore", Route.KEYS, ZSetOp.zinterstore());
    t.bind("zdiffstore", Route.KEYS, ZSetOp.zdiffstore());
    t.bind("zintercard", Route.KEYS, ZSetOp.zintercard());
    t.bind("zscan", Route.KEYS, new ZScan());
  }
}
