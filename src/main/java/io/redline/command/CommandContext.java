package io.redline.command;

import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.server.ClientConnection;
import io.redline.server.ServerContext;
import io.redline.shard.Keyspace;
import io.redline.shard.Scope;
import io.redline.store.Entry;

/**
 * What a handler gets: its arguments, where to write the reply, the keyspace it may touch, the
 * command's clock, and the issuing client.
 *
 * <p>The client object belongs to its connection's loop: only {@link Route#CONNECTION} handlers,
 * which run on that loop, may read or change it. Keyed handlers use {@link #db()} and
 * {@link #dbIndex()} instead; those were captured when the command was sent.
 */
public final class CommandContext {
  public final ServerContext server;
  public final Args args;
  public final ReplyWriter reply;
  public final CommandSpec spec;
  private final ClientConnection client;
  private final Scope scope;
  private final int dbIndex;
  /** The command's time in ms: one reading per command, as Redis caches it, so TTL math is consistent. */
  public final long now;

  public CommandContext(ServerContext server, CommandSpec spec, Args args, ReplyWriter reply,
                        ClientConnection client, Scope scope, int dbIndex, long now) {
    this.server = server;
    this.spec = spec;
    this.args = args;
    this.reply = reply;
    this.client = client;
    this.scope = scope;
    this.dbIndex = dbIndex;
    this.now = now;
  }

  public int argc() { return args.size(); }
  public int dbIndex() { return dbIndex; }

  /** The selected database over the shards this command holds. */
  public Keyspace db() { return scope.keyspace(dbIndex); }

  /** Another numbered database (MOVE, COPY ... DB, SWAPDB), over the same shards. */
  public Keyspace db(int index) { return scope.keyspace(index); }

  public Scope scope() { return scope; }

  /** Only for CONNECTION-routed handlers: see the class comment. */
  public ClientConnection client() { return client; }

  /** Looks up the key at argument {@code i}, counting a keyspace hit or miss. */
  public Entry lookupRead(int i) {
    Entry e = db().lookupRead(args, i, now);
    if (e != null) e.touch(server.lruClock());
    return e;
  }

  /** Looks up the key at argument {@code i} for writing (no hit/miss accounting). */
  public Entry lookupWrite(int i) {
    return db().lookup(args, i, now);
  }

  /** Counts a write for the "changes since last save" and, later, replication and WATCH. */
  public void dirty(long n) {
    server.noteDirty(n);
  }

  public void error(String message) { reply.error(message); }
}
