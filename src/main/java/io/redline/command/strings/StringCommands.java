package io.redline.command.strings;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;

/** The string family: binds each handler to its declaration in commands/string.json. */
public final class StringCommands implements CommandFamily {
  @Override
  public java.util.List<String> declarationGroups() {
    return java.util.List.of("string");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("get", Route.KEYS, new Get());
    t.bind("set", Route.KEYS, new Set());
    t.bind("setnx", Route.KEYS, new SetNx());
    t.bind("setex", Route.KEYS, SetEx.seconds());
    t.bind("psetex", Route.KEYS, SetEx.millis());
    t.bind("getex", Route.KEYS, new GetEx());
    t.bind("getdel", Route.KEYS, new GetDel());
    t.bind("getset", Route.KEYS, new GetSet());
    t.bind("mget", Route.KEYS, new MGet());
    t.bind("mset", Route.KEYS, MSet.always());
    t.bind("msetnx", Route.KEYS, MSet.ifNoneExist());
    t.bind("append", Route.KEYS, new Append());
    t.bind("strlen", Route.KEYS, new StrLen());
    t.bind("incr", Route.KEYS, IncrBy.incr());
    t.bind("decr", Route.KEYS, IncrBy.decr());
    t.bind("incrby", Route.KEYS, IncrBy.incrBy());
    t.bind("decrby", Route.KEYS, IncrBy.decrBy());
    t.bind("incrbyfloat", Route.KEYS, new IncrByFloat());
    t.bind("getrange", Route.KEYS, new GetRange());
    t.bind("substr", Route.KEYS, new GetRange());
    t.bind("setrange", Route.KEYS, new SetRange());
    t.bind("lcs", Route.KEYS, new Lcs());
  }
}
