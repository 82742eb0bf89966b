package io.redline.command.keys;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/**
 * The generic key family: binds each handler to its declaration in commands/generic.json (and
 * the keyspace-wide DBSIZE, FLUSHDB, FLUSHALL, SWAPDB from commands/server.json).
 */
public final class KeyCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("generic", "server"); // DBSIZE, FLUSHDB, FLUSHALL and SWAPDB are declared in server.json
  }

  @Override
  public void register(CommandTable t) {
    t.bind("del", Route.KEYS, new Del());
    t.bind("unlink", Route.KEYS, new Del());
    t.bind("exists", Route.KEYS, new Exists());
    t.bind("touch", Route.KEYS, new Touch());
    t.bind("type", Route.KEYS, new Type());
    t.bind("rename", Route.KEYS, new Rename(false));
    t.bind("renamenx", Route.KEYS, new Rename(true));
    t.bind("copy", Route.KEYS, new Copy());
    t.bind("move", Route.KEYS, new Move());

    t.bind("expire", Route.KEYS, new Expire(true, false));
    t.bind("pexpire", Route.KEYS, new Expire(false, false));
    t.bind("expireat", Route.KEYS, new Expire(true, true));
    t.bind("pexpireat", Route.KEYS, new Expire(false, true));
    t.bind("ttl", Route.KEYS, new Ttl(false, false));
    t.bind("pttl", Route.KEYS, new Ttl(true, false));
    t.bind("expiretime", Route.KEYS, new Ttl(false, true));
    t.bind("pexpiretime", Route.KEYS, new Ttl(true, true));
    t.bind("persist", Route.KEYS, new Persist());

    t.bind("object|encoding", Route.KEYS, new ObjectEncoding());
    t.bind("object|freq", Route.KEYS, new ObjectFreq());
    t.bind("object|idletime", Route.KEYS, new ObjectIdleTime());
    t.bind("object|refcount", Route.KEYS, new ObjectRefCount());
    t.bind("object|help", Route.CONNECTION, ObjectHelp.REPLY);

    t.bind("keys", Route.ALL_SHARDS, new Keys());
    t.bind("randomkey", Route.ALL_SHARDS, new RandomKey());
    t.bind("dbsize", Route.ALL_SHARDS, new DbSize());
    t.bind("flushdb", Route.ALL_SHARDS, new Flush(false));
    t.bind("flushall", Route.ALL_SHARDS, new Flush(true));
    t.bind("swapdb", Route.ALL_SHARDS, new SwapDb());

    t.bind("scan", Route.CHOSEN_SHARD, new Scan(), ScanCursor::chooseShard);
  }
}
