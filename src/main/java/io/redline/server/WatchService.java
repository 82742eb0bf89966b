package io.redline.server;

import io.redline.command.CommandContext;
import io.redline.command.IntList;
import io.redline.shard.Scope;
import io.redline.shard.Shard;
import io.redline.shard.ShardRouter;
import io.redline.shard.ShardTask;
import io.redline.store.Database;
import io.redline.store.Entry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WATCH: which clients watch which keys, per shard, and the rules that make a watched key
 * "touched" — any command that changed it, its expiry, FLUSHDB/FLUSHALL or SWAPDB of its
 * database while it exists — so that the watcher's EXEC answers a null array.
 * Each shard's map is used only by that shard's thread or by a coordinator holding the shard.
 */
final class WatchService {
  private final ShardRouter router;
  private final List<Map<DbKey, List<WatchState>>> byShard = new ArrayList<>();

  WatchService(ShardRouter router) {
    this.router = router;
    for (int i = 0; i < router.shardCount(); i++) {
      byShard.add(new HashMap<>());
      int shard = i;
      router.shard(i).keyEvents(new Database.KeyEvents() {
        @Override
        public void expired(Database db, byte[] key) { touch(shard, db.index(), key); }

        @Override
        public void beforeClear(Database db) { touchExisting(shard, db, null); }

        @Override
        public void swapped(Database a, Database b) { touchExisting(shard, a, b); }
      });
    }
  }

  /** WATCH key...: runs while the keys' shards are held. */
  void watch(CommandContext ctx, WatchState state) {
    for (int i = 1; i < ctx.argc(); i++) {
      byte[] key = ctx.args.bytes(i);
      int shard = router.shardOf(key);
      List<WatchState> watchers = byShard.get(shard).computeIfAbsent(new DbKey(ctx.dbIndex(), key), k -> new ArrayList<>());
      if (watchers.contains(state)) continue;
      watchers.add(state);
      boolean existed = ctx.db().lookup(key, ctx.now) != null;
      state.add(new WatchState.WatchedKey(shard, ctx.dbIndex(), key, existed));
    }
  }

  /** After a command that changed something: its keys are touched for every watcher. */
  void afterWrite(CommandContext ctx, Scope scope) {
    boolean any = false;
    for (int i = 0; i < byShard.size() && !any; i++) any = scope.holds(i) && !byShard.get(i).isEmpty();
    if (!any) return;
    IntList positions = new IntList();
    ctx.spec.keyPositions(ctx.args, positions);
    for (int i = 0; i < positions.size(); i++) {
      byte[] key = ctx.args.bytes(positions.get(i));
      int shard = router.shardOf(key);
      if (scope.holds(shard)) touch(shard, ctx.dbIndex(), key);
    }
    for (CommandContext.KeyInDb k : ctx.otherDbKeys()) {
      int shard = router.shardOf(k.key());
      if (scope.holds(shard)) touch(shard, k.db(), k.key());
    }
  }

  private void touch(int shard, int db, byte[] key) {
    Map<DbKey, List<WatchState>> map = byShard.get(shard);
    if (map.isEmpty()) return;
    List<WatchState> watchers = map.get(new DbKey(db, key));
    if (watchers != null) for (WatchState w : watchers) w.dirty = true;
  }

  /** FLUSH (b == null) or SWAPDB: watched keys of these databases that exist are touched. */
  private void touchExisting(int shard, Database a, Database b) {
    Map<DbKey, List<WatchState>> map = byShard.get(shard);
    if (map.isEmpty()) return;
    for (Map.Entry<DbKey, List<WatchState>> e : map.entrySet()) {
      DbKey k = e.getKey();
      boolean inScope = k.db == a.index() || (b != null && k.db == b.index());
      if (!inScope) continue;
      boolean exists = a.peek(k.key) != null || (b != null && b.peek(k.key) != null);
      if (exists) for (WatchState w : e.getValue()) w.dirty = true;
    }
  }

  /**
   * Whether EXEC must fail: a watched key was touched, or (Redis 7.0's rule) a key that existed
   * when watched has since passed its TTL even if nothing deleted it yet. Runs while every
   * watched key's shard is held.
   */
  boolean failed(WatchState state, Scope scope, long now) {
    if (state.dirty) return true;
    for (WatchState.WatchedKey k : state.keys()) {
      if (!k.existed() || !scope.holds(k.shard())) continue;
      Entry e = scope.shard(k.shard()).database(k.db()).peek(k.key());
      if (e != null && e.hasExpiry() && e.expireAt() <= now) return true;
    }
    return false;
  }

  /** Shards that hold the watched keys (EXEC must hold them to check). */
  void shardsOf(WatchState state, boolean[] into) {
    for (WatchState.WatchedKey k : state.keys()) into[k.shard()] = true;
  }

  /** Forgets a client's watches; each shard drops them on its own thread. */
  void unwatch(WatchState state) {
    Map<Integer, List<WatchState.WatchedKey>> perShard = new HashMap<>();
    for (WatchState.WatchedKey k : state.keys()) perShard.computeIfAbsent(k.shard(), s -> new ArrayList<>()).add(k);
    for (Map.Entry<Integer, List<WatchState.WatchedKey>> e : perShard.entrySet()) {
      Map<DbKey, List<WatchState>> map = byShard.get(e.getKey());
      List<WatchState.WatchedKey> keys = e.getValue();
      router.shard(e.getKey()).submit(new ShardTask() {
        @Override
        public void run(Shard shard) {
          for (WatchState.WatchedKey k : keys) {
            DbKey dk = new DbKey(k.db(), k.key());
            List<WatchState> watchers = map.get(dk);
            if (watchers == null) continue;
            watchers.remove(state);
            if (watchers.isEmpty()) map.remove(dk);
          }
        }
      });
    }
  }

  private record DbKey(int db, byte[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof DbKey k && k.db == db && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
      return 31 * db + Arrays.hashCode(key);
    }
  }
}
