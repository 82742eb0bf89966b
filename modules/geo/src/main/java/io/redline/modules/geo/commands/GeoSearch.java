package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.config.ServerConfig;
import io.redline.modules.geo.GeoFormat;
import io.redline.modules.geo.GeoMatches;
import io.redline.modules.geo.GeoQuery;
import io.redline.notify.KeyEvent;
import io.redline.notify.NotifyFlags;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetValue;

/**
 * GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and the two _RO forms: one handler,
 * as Redis has one georadiusGeneric. The source's type is checked before any argument; results
 * come back in the order found unless sorted (COUNT without ANY sorts nearest first), or are
 * stored as a sorted set scored by cell (or by distance with STOREDIST), replacing the destination.
 */
final class GeoSearch implements CommandHandler {
  static final KeyEvent GEOSEARCHSTORE = KeyEvent.of(NotifyFlags.ZSET, "geosearchstore");
  static final KeyEvent GEORADIUSSTORE = KeyEvent.of(NotifyFlags.ZSET, "georadiusstore");
  private final SearchRequest.Kind kind;

  GeoSearch(SearchRequest.Kind kind) { this.kind = kind; }

  @Override
  public void execute(CommandContext ctx) {
    Entry source = ctx.lookupRead(kind.sourceArg());
    if (GeoArgs.wrongType(ctx, source)) return;
    ZSetValue z = source == null ? null : (ZSetValue) source.value();
    SearchRequest req = SearchRequest.parse(ctx, kind, z);
    if (req == null) return;
    if (req.storeArg >= 0 && !holdsStoreKey(ctx, req.storeArg)) {
      ctx.error("ERR a repeated STORE or STOREDIST names a key on another shard: give the destination once");
      return;
    }
    if (z == null) {
      if (req.storeArg >= 0) {
        if (delete(ctx, req.storeArg)) ctx.dirty(1);
        ctx.reply.integer(0);
      } else {
        ctx.reply.emptyArray();
      }
      return;
    }

    GeoMatches found = GeoQuery.search(z, req.shape, req.any ? req.count : 0);
    if (found.size() == 0 && req.storeArg < 0) {
      ctx.reply.emptyArray();
      return;
    }
    int returned = (int) (req.count == 0 || found.size() < req.count ? found.size() : req.count);
    if (req.withDist || (req.storeArg >= 0 && req.storeDist)) found.refineDistances(req.shape);
    if (req.sort != SearchRequest.SORT_NONE) found.sort(req.sort == SearchRequest.SORT_DESC);
    if (req.storeArg < 0) reply(ctx.reply, req, found, returned);
    else store(ctx, req, found, returned);
  }

  private static void reply(ReplyWriter r, SearchRequest req, GeoMatches found, int returned) {
    int options = (req.withDist ? 1 : 0) + (req.withHash ? 1 : 0) + (req.withCoord ? 1 : 0);
    double toMeters = req.shape.toMeters;
    r.array(returned);
    for (int i = 0; i < returned; i++) {
      if (options > 0) r.array(options + 1);
      r.bulk(found.member(i));
      if (req.withDist) r.bulk(GeoFormat.distance(found.distance(i) / toMeters));
      if (req.withHash) r.integer((long) found.score(i));
      if (req.withCoord) {
        r.array(2);
        GeoArgs.coordinate(r, found.lon(i));
        GeoArgs.coordinate(r, found.lat(i));
      }
    }
  }

  /** Replaces the destination with the results (as SET would: any type, TTL dropped), or deletes it when there are none. */
  private static void store(CommandContext ctx, SearchRequest req, GeoMatches found, int returned) {
    if (returned == 0) {
      if (delete(ctx, req.storeArg)) ctx.dirty(1);
      ctx.reply.integer(0);
      return;
    }
    ScoredList results = new ScoredList(returned);
    for (int i = 0; i < returned; i++) {
      results.add(found.member(i), req.storeDist ? found.distance(i) / req.shape.toMeters : found.score(i));
    }
    results.sortByScore();
    ServerConfig c = ctx.server.config();
    ZSetLimits limits = new ZSetLimits(c.getLong("zset-max-listpack-entries"), c.getLong("zset-max-listpack-value"));
    // Members are never changed in place, so the new set may share the source's arrays.
    ZSetValue value = ZSetValue.fromSorted(results, limits);
    Entry e = ctx.lookupWrite(req.storeArg);
    if (e == null) {
      e = ctx.db().add(ctx.args.bytes(req.storeArg), value);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    } else {
      e.value(value);
      if (e.hasExpiry()) ctx.db().setExpire(e, Entry.NO_EXPIRY);
    }
    e.touch(ctx.server.lruClock());
    ctx.keyEvent(req.kind.search ? GEOSEARCHSTORE : GEORADIUSSTORE, e.key());
    ctx.dirty(returned);
    ctx.reply.integer(returned);
  }

  private static boolean delete(CommandContext ctx, int arg) {
    Entry e = ctx.lookupWrite(arg);
    if (e == null) return false;
    ctx.db().delete(e);
    ctx.keyEvent(KeyEvent.DEL, e.key());
    return true;
  }

  /**
   * Whether the destination's shard is held. Routing holds the keys the key specs name (the first
   * STORE and the first STOREDIST), while Redis writes to the last one given: only a command that
   * repeats STORE with keys on different shards can fail here.
   */
  private static boolean holdsStoreKey(CommandContext ctx, int arg) {
    byte[] b = ctx.args.buffer();
    return ctx.scope().holds(ctx.scope().router().shardOf(b, ctx.args.offset(arg), ctx.args.length(arg)));
  }
}
