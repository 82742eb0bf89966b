package io.redline.command.list;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** The list family (non-blocking commands): binds each handler to its declaration in commands/list.json. */
public final class ListCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("list");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("lpush", Route.KEYS, Push.lpush());
    t.bind("rpush", Route.KEYS, Push.rpush());
    t.bind("lpushx", Route.KEYS, Push.lpushx());
    t.bind("rpushx", Route.KEYS, Push.rpushx());
    t.bind("lpop", Route.KEYS, Pop.lpop());
    t.bind("rpop", Route.KEYS, Pop.rpop());
    t.bind("llen", Route.KEYS, new LLen());
    t.bind("lrange", Route.KEYS, new LRange());
    t.bind("lindex", Route.KEYS, new LIndex());
    t.bind("lset", Route.KEYS, new LSet());
    t.bind("linsert", Route.KEYS, new LInsert());
    t.bind("lrem", Route.KEYS, new LRem());
    t.bind("ltrim", Route.KEYS, new LTrim());
    t.bind("lpos", Route.KEYS, new LPos());
    t.bind("lmove", Route.KEYS, LMove.lmove());
    t.bind("rpoplpush", Route.KEYS, LMove.rpoplpush());
    t.bind("lmpop", Route.KEYS, new LMPop());
    t.bind("blpop", Route.KEYS, BPop.blpop());
    t.bind("brpop", Route.KEYS, BPop.brpop());
    t.bind("blmove", Route.KEYS, BLMove.blmove());
    t.bind("brpoplpush", Route.KEYS, BLMove.brpoplpush());
    t.bind("blmpop", Route.KEYS, new BLMPop());
  }
}
