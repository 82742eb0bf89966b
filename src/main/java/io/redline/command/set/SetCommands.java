package io.redline.command.set;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** The set family: binds each handler to its declaration in commands/set.json. */
public final class SetCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("set");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("sadd", Route.KEYS, new SAdd());
    t.bind("srem", Route.KEYS, new SRem());
    t.bind("smembers", Route.KEYS, new SMembers());
    t.bind("sismember", Route.KEYS, SIsMember.one());
    t.bind("smismember", Route.KEYS, SIsMember.many());
    t.bind("scard", Route.KEYS, new SCard());
    t.bind("spop", Route.KEYS, new SPop());
    t.bind("srandmember", Route.KEYS, new SRandMember());
    t.bind("smove", Route.KEYS, new SMove());
    t.bind("sinter", Route.KEYS, SInter.reply());
    t.bind("sinterstore", Route.KEYS, SInter.store());
    t.bind("sintercard", Route.KEYS, new SInterCard());
    t.bind("sunion", Route.KEYS, SUnionDiff.sunion());
    t.bind("sunionstore", Route.KEYS, SUnionDiff.sunionStore());
    t.bind("sdiff", Route.KEYS, SUnionDiff.sdiff());
    t.bind("sdiffstore", Route.KEYS, SUnionDiff.sdiffStore());
    t.bind("sscan", Route.KEYS, new SScan());
  }
}
