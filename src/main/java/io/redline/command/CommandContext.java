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
  private long dirty;
  private byte[][] blockedKeys;
  private long blockTimeoutMillis;
  private Args parkArgs;
  private byte[] readyKey;
  private boolean mayBlock = true;
  private boolean fromScript;

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
    dirty += n;
    server.noteDirty(n);
  }

  /** How many changes this command made; a write with none changed nothing (no wake-ups, no WATCH hits). */
  public long dirtyCount() { return dirty; }

  /** A key this command changed in another database than the selected one. */
  public record KeyInDb(int db, byte[] key) { }

  private java.util.List<KeyInDb> otherDbKeys;

  /**
   * Records that {@code key} of database {@code db} changed (MOVE's and COPY ... DB's
   * destination): like the command's own keys, it touches WATCHes and may serve parked clients.
   */
  public void changedInDb(int db, byte[] key) {
    if (otherDbKeys == null) otherDbKeys = new java.util.ArrayList<>(1);
    otherDbKeys.add(new KeyInDb(db, key));
  }

  public java.util.List<KeyInDb> otherDbKeys() {
    return otherDbKeys == null ? java.util.List.of() : otherDbKeys;
  }

  private boolean flushed;

  /** FLUSHDB / FLUSHALL emptied databases: every tracking client is told to drop its whole cache. */
  public void flushed() { flushed = true; }

  public boolean hasFlushed() { return flushed; }

  // ---- what the AOF (and later replicas) get: the command's effects (io.redline.aof) -----------

  /** Null: the command is logged as it was sent; else the commands to log instead, in order. */
  private java.util.List<byte[][]> effects;

  /**
   * Logs this command as {@code argv} instead of its own arguments (Redis's
   * rewriteClientCommandVector): relative TTLs as PEXPIREAT, blocking pops as their plain form...
   */
  public void propagateAs(byte[]... argv) {
    effects = new java.util.ArrayList<>(1);
    effects.add(argv);
  }

  /** Adds a command to log in this one's place (Redis's alsoPropagate): SPOP with a count as SREMs. */
  public void alsoPropagate(byte[]... argv) {
    if (effects == null) effects = new java.util.ArrayList<>(2);
    effects.add(argv);
  }

  public java.util.List<byte[][]> effects() { return effects; }

  // ---- keyspace notifications (notify-keyspace-events) ------------------------------------

  /** Fires {@code event} for the key at argument {@code i} of the selected database; copies it only if someone listens. */
  public void keyEvent(io.redline.notify.KeyEvent event, int i) {
    io.redline.notify.KeyspaceNotifier n = server.notifier();
    if (n.wants(event)) n.publish(event, args.bytes(i), dbIndex);
  }

  /** Fires {@code event} for {@code key} of the selected database. */
  public void keyEvent(io.redline.notify.KeyEvent event, byte[] key) {
    server.notifier().publish(event, key, dbIndex);
  }

  /** Fires {@code event} for {@code key} of database {@code db} (MOVE, COPY ... DB). */
  public void keyEvent(io.redline.notify.KeyEvent event, byte[] key, int db) {
    server.notifier().publish(event, key, db);
  }

  // ---- blocking commands (BLPOP & co.) ----------------------------------------------------

  /**
   * Parks the client on {@code keys} instead of replying: it is served when one of them becomes
   * ready, or gets {@link BlockingCommand#timeoutReply} after {@code timeoutMillis} (0 = never).
   * Only {@link BlockingCommand} handlers may call this, and only when they found nothing to do.
   */
  public void block(byte[][] keys, long timeoutMillis) {
    this.blockedKeys = keys;
    this.blockTimeoutMillis = timeoutMillis;
  }

  /**
   * As {@link #block(byte[][], long)}, but the parked command is later run again with
   * {@code argsWhileParked} (detached) instead of its own arguments: XREAD ... $ parks with "$"
   * replaced by the stream's last ID at the time it blocked.
   */
  public void block(byte[][] keys, long timeoutMillis, Args argsWhileParked) {
    block(keys, timeoutMillis);
    this.parkArgs = argsWhileParked;
  }

  /** The arguments to park with when the handler chose its own, else null (park with {@link #args}). */
  public Args parkArgs() { return parkArgs; }

  public byte[][] blockedKeys() { return blockedKeys; }
  public long blockTimeoutMillis() { return blockTimeoutMillis; }

  /** While serving a parked client: the key that became ready (only it may be used), else null. */
  public byte[] readyKey() { return readyKey; }

  /** Whether a blocking command may park (not inside MULTI or a script, where it answers at once). */
  public boolean mayBlock() { return readyKey == null && mayBlock; }

  public CommandContext serving(byte[] key) {
    this.readyKey = key;
    return this;
  }

  /** Copies the parking request of {@code other} (used when its arguments are detached). */
  public CommandContext parkedFrom(CommandContext other) {
    this.blockedKeys = other.blockedKeys;
    this.blockTimeoutMillis = other.blockTimeoutMillis;
    this.parkArgs = other.parkArgs;
    return this;
  }

  /** Whether this command was called by a script (redis.call): XREAD refuses BLOCK there, as Redis does. */
  public boolean fromScript() { return fromScript; }

  public CommandContext noBlocking() {
    this.mayBlock = false;
    return this;
  }

  public void error(String message) { reply.error(message); }

  // ---- commands called by a command (scripts) ---------------------------------------------

  /** Commands run through {@link #call} that changed something: checked for watchers and waiters afterwards. */
  private java.util.List<CommandContext> nestedWrites;

  public java.util.List<CommandContext> nestedWrites() {
    return nestedWrites == null ? java.util.List.of() : nestedWrites;
  }

  /**
   * Runs another command inside this one, on the shards this one holds (a script's redis.call),
   * writing its RESP reply in protocol {@code resp} to {@code out}. Errors use the texts Redis gives
   * scripts; {@code readOnly} refuses write commands (EVAL_RO).
   */
  private boolean refuseGrowingCommands;

  /** For a script that started while memory was over maxmemory (and may not ignore it: no allow-oom). */
  public void refuseGrowingCommands() { refuseGrowingCommands = true; }

  public void call(byte[][] argv, int resp, boolean readOnly, io.netty.buffer.ByteBuf out) {
    ReplyWriter w = new ReplyWriter(out, resp);
    Args a = Args.of(argv);
    CommandSpec spec = server.commands().lookup(a);
    if (spec != null && spec.isContainer()) {
      spec = a.size() < 2 ? null : spec.subcommands().get(spec.name() + "|" + a.lowerName(1));
    }
    if (spec == null || spec.handler() == null) {
      w.error("ERR Unknown Redis command called from script");
      return;
    }
    if (!spec.arityOk(a.size())) {
      w.error("ERR Wrong number of args calling Redis command from script");
      return;
    }
    if (spec.hasFlag("noscript")) {
      w.error("ERR This Redis command is not allowed from script");
      return;
    }
    if (readOnly && spec.hasFlag("write")) {
      w.error("ERR Write commands are not allowed from read-only scripts.");
      return;
    }
    if (refuseGrowingCommands && dirty == 0 && spec.hasFlag("denyoom")) {
      // Out of memory when the script started: it may not grow memory, unless it already wrote
      // (a script is never stopped half-way), as Redis's scriptVerifyOOM.
      w.error(io.redline.memory.MemoryManager.OOM);
      return;
    }
    if (scope.canGrow()) {
      // A script holds its declared keys' shards; whatever else this command touches is taken now.
      boolean[] needed = new boolean[scope.router().shardCount()];
      spec.markShards(a, scope.router(), -1, new IntList(), needed);
      scope.take(needed);
    }
    CommandContext sub = new CommandContext(server, spec, a, w, client, scope, dbIndex, now).noBlocking();
    sub.fromScript = true;
    spec.handler().execute(sub);
    server.monitors().feedScriptCall(spec, a, dbIndex);
    if (spec.readonly() && client != null && server.tracking().active()) server.tracking().afterRead(client, spec, a);
    if (sub.dirtyCount() > 0) {
      dirty += sub.dirtyCount();
      if (nestedWrites == null) nestedWrites = new java.util.ArrayList<>();
      nestedWrites.add(sub);
    }
  }
}
