package io.redline.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandSpec;
import io.redline.command.IntList;
import io.redline.protocol.Args;
import io.redline.shard.Scope;
import io.redline.shard.ShardRouter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client-side caching: CLIENT TRACKING's invalidations (docs/tracking.md). In the default mode
 * the keys a tracking client reads are remembered, per shard, with the ids of the clients that
 * read them (like Redis's tracking table, not per database); a write, expiry or eviction of such a
 * key sends each of them an invalidation and forgets the key. Broadcast clients get every change
 * of a key under their prefixes, one message per command. FLUSHDB and FLUSHALL send every
 * tracking client a null invalidation. Each shard's table is used only by the thread holding the
 * shard; messages reach clients through their own loops, behind the replies they are owed.
 * With no tracking client, each command pays one volatile read.
 */
public final class TrackingService {
  private static final byte[] PUSH_HEAD = ">2\r\n$10\r\ninvalidate\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MESSAGE_HEAD = "*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerContext server;
  private final ShardRouter router;
  private final List<LinkedHashMap<Key, Set<Long>>> tables = new ArrayList<>();
  private final Set<ClientConnection> trackers = ConcurrentHashMap.newKeySet();
  private final Set<ClientConnection> broadcasters = ConcurrentHashMap.newKeySet();
  private final AtomicLong items = new AtomicLong();
  private volatile long maxKeys;

  TrackingService(ServerContext server) {
    this.server = server;
    this.router = server.router();
    for (int i = 0; i < router.shardCount(); i++) tables.add(new LinkedHashMap<>());
    maxKeys = server.config().getLong("tracking-table-max-keys");
    server.config().onChange("tracking-table-max-keys", v -> maxKeys = Long.parseLong(v));
  }

  /** One volatile read: whether anything here needs doing. */
  public boolean active() { return !trackers.isEmpty(); }

  /** A client turned tracking on, changed it, or off (null). */
  void changed(ClientConnection c, Tracking before, Tracking after) {
    if (after == null) {
      trackers.remove(c);
      broadcasters.remove(c);
      return; // its ids in the tables are skipped when met, as Redis does
    }
    trackers.add(c);
    if (after.bcast()) broadcasters.add(c);
    else broadcasters.remove(c);
  }

  /**
   * Before a command of {@code c} runs: CLIENT CACHING's choice applies to it, unless it is a CLIENT
   * subcommand (as in Redis, those keep the choice for the next command); true when one was made.
   */
  boolean beginCommand(ClientConnection c, CommandSpec spec) {
    Tracking t = c.tracking();
    if (t == null || !(t.optIn() || t.optOut()) || (spec.parent() != null && spec.parent().name().equals("client"))) return false;
    t.current = t.armed;
    t.armed = Tracking.NO_CHOICE;
    return t.current != Tracking.NO_CHOICE;
  }

  /** After a read-only command of {@code c} ran, on the thread holding its keys' shards: remembers the keys. */
  public void afterRead(ClientConnection c, CommandSpec spec, Args args) {
    Tracking t = c.tracking();
    if (t == null || !t.remembersReads()) return;
    IntList positions = new IntList();
    spec.keyPositions(args, positions);
    long perShard = maxKeys == 0 ? Long.MAX_VALUE : Math.max(1, maxKeys / tables.size());
    for (int i = 0; i < positions.size(); i++) {
      byte[] key = args.bytes(positions.get(i));
      int shard = router.shardOf(key);
      LinkedHashMap<Key, Set<Long>> table = tables.get(shard);
      if (table.computeIfAbsent(new Key(key), k -> new HashSet<>(2)).add(c.id())) items.incrementAndGet();
      while (table.size() > perShard) evictOldest(shard, table);
    }
  }

  /** tracking-table-max-keys: the oldest remembered key is invalidated and forgotten, as Redis evicts from its table. */
  private void evictOldest(int shard, LinkedHashMap<Key, Set<Long>> table) {
    Iterator<Key> it = table.keySet().iterator();
    invalidate(shard, it.next().bytes, null);
  }

  /** After a command that changed something, on the thread holding its shards. */
  void afterWrite(CommandContext ctx, Scope scope) {
    if (trackers.isEmpty()) return;
    if (ctx.hasFlushed()) {
      flushed(scope);
      return;
    }
    IntList positions = new IntList();
    ctx.spec.keyPositions(ctx.args, positions);
    List<byte[]> keys = new ArrayList<>(positions.size() + ctx.otherDbKeys().size());
    for (int i = 0; i < positions.size(); i++) keys.add(ctx.args.bytes(positions.get(i)));
    for (CommandContext.KeyInDb k : ctx.otherDbKeys()) keys.add(k.key());
    ClientConnection by = ctx.client(); // compared only, never used: NOLOOP skips the writer itself
    for (byte[] key : keys) {
      int shard = router.shardOf(key);
      if (scope.holds(shard)) invalidate(shard, key, by);
    }
    broadcast(keys, by);
  }

  /** A key expired or was evicted, on its shard's holder. */
  void expired(int shard, byte[] key) {
    if (trackers.isEmpty()) return;
    invalidate(shard, key, null);
    broadcast(List.of(key), null);
  }

  private void invalidate(int shard, byte[] key, ClientConnection by) {
    Set<Long> ids = tables.get(shard).remove(new Key(key));
    if (ids == null) return;
    items.addAndGet(-ids.size());
    for (long id : ids) {
      ClientConnection c = server.clients().get(id);
      Tracking t = c == null ? null : c.tracking();
      if (t == null || t.bcast() || (t.noLoop() && c == by)) continue;
      send(c, t, keysFrame(List.of(key)));
    }
  }

  /** Broadcast clients: one message per command with its keys under their prefixes. */
  private void broadcast(List<byte[]> keys, ClientConnection by) {
    if (broadcasters.isEmpty()) return;
    for (ClientConnection c : broadcasters) {
      Tracking t = c.tracking();
      if (t == null || !t.bcast() || (t.noLoop() && c == by)) continue;
      List<byte[]> mine = new ArrayList<>();
      for (byte[] k : keys) if (t.matches(k)) mine.add(k);
      if (!mine.isEmpty()) send(c, t, keysFrame(mine));
    }
  }

  /** FLUSHDB / FLUSHALL: every tracking client gets a null invalidation; the tables are emptied. */
  private void flushed(Scope scope) {
    for (int i = 0; i < tables.size(); i++) {
      if (!scope.holds(i)) continue;
      for (Set<Long> ids : tables.get(i).values()) items.addAndGet(-ids.size());
      tables.get(i).clear();
    }
    for (ClientConnection c : trackers) {
      Tracking t = c.tracking();
      if (t != null) send(c, t, null);
    }
  }

  /**
   * Sends an invalidation of {@code keysFrame} (an encoded array; null: everything) to {@code c}
   * or the client it redirects to: a RESP3 push, or a message on __redis__:invalidate for a RESP2
   * client subscribed to something, as Redis 7.0 does; a RESP2 client without redirect gets none.
   */
  private void send(ClientConnection c, Tracking t, byte[] keysFrame) {
    ClientConnection target = c;
    boolean redirected = false;
    if (t.redirect() != 0) {
      target = server.clients().get(t.redirect());
      if (target == null) {
        t.redirectBroken = true;
        if (c.resp() >= 3) {
          c.trackingMessage((">2\r\n$21\r\ntracking-redir-broken\r\n:" + t.redirect() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return;
      }
      redirected = true;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    int resp = target.resp();
    if (resp >= 3) out.writeBytes(PUSH_HEAD);
    else if (redirected && target.subscribed()) out.writeBytes(MESSAGE_HEAD);
    else return;
    if (keysFrame != null) out.writeBytes(keysFrame);
    else out.writeBytes(resp >= 3 ? "_\r\n".getBytes(StandardCharsets.US_ASCII) : "$-1\r\n".getBytes(StandardCharsets.US_ASCII));
    target.trackingMessage(out.toByteArray());
  }

  private static byte[] keysFrame(List<byte[]> keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.writeBytes(("*" + keys.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] k : keys) {
      out.writeBytes(("$" + k.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(k);
      out.write('\r');
      out.write('\n');
    }
    return out.toByteArray();
  }

  // ---- INFO ----------------------------------------------------------------------------------

  public int clients() { return trackers.size(); }

  /** Keys remembered (racy sum across shards: statistics only). */
  public long keys() {
    long n = 0;
    for (Map<Key, Set<Long>> t : tables) n += t.size();
    return n;
  }

  public long items() { return items.get(); }

  public long prefixes() {
    Set<String> all = new LinkedHashSet<>();
    for (ClientConnection c : broadcasters) {
      Tracking t = c.tracking();
      if (t != null) all.addAll(t.prefixTexts());
    }
    return all.size();
  }

  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(k.bytes, bytes); }

    @Override
    public int hashCode() { return Arrays.hashCode(bytes); }
  }
}
