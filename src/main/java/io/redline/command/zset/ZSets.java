package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.config.ServerConfig;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetValue;
import io.redline.util.RedisNumbers;

/** What the sorted-set handlers share: thresholds, write lookups, integer arguments, scored replies. */
final class ZSets {
  static final String NOT_A_FLOAT_RANGE = "ERR min or max is not a float";
  static final String NOT_A_LEX_RANGE = "ERR min or max not valid string range item";

  private ZSets() {}

  static ZSetLimits limits(CommandContext ctx) {
    ServerConfig c = ctx.server.config();
    return new ZSetLimits(c.getLong("zset-max-listpack-entries"), c.getLong("zset-max-listpack-value"));
  }

  /** A lookup for writing that also refreshes the key's access clock, as Redis's lookupKeyWrite does. */
  static Entry lookupWrite(CommandContext ctx, int i) {
    Entry e = ctx.lookupWrite(i);
    if (e != null) e.touch(ctx.server.lruClock());
    return e;
  }

  /**
   * Stores a new value under the key at argument {@code keyArg}, as Redis's setKey: over any
   * existing value of any type, dropping its TTL. Fires "new" if the key was absent, then {@code event}.
   */
  static void store(CommandContext ctx, int keyArg, Object value, KeyEvent event) {
    Entry e = ctx.lookupWrite(keyArg);
    if (e == null) {
      e = ctx.db().add(ctx.args.bytes(keyArg), value);
      ctx.keyEvent(KeyEvent.NEW, e.key());
    } else {
      e.value(value);
      if (e.hasExpiry()) ctx.db().setExpire(e, Entry.NO_EXPIRY);
    }
    e.touch(ctx.server.lruClock());
    ctx.keyEvent(event, e.key());
  }

  /** Deletes the key at argument {@code keyArg} if it exists, with its "del" event; true when it did. */
  static boolean delete(CommandContext ctx, int keyArg) {
    Entry e = ctx.lookupWrite(keyArg);
    if (e == null) return false;
    ctx.db().delete(e);
    ctx.keyEvent(KeyEvent.DEL, e.key());
    return true;
  }

  /** After {@code event} removed members: fires it, then deletes the key (and fires "del") if that emptied it. */
  static void removed(CommandContext ctx, Entry e, ZSetValue z, KeyEvent event) {
    ctx.keyEvent(event, e.key());
    if (z.size() > 0) return;
    ctx.db().delete(e);
    ctx.keyEvent(KeyEvent.DEL, e.key());
  }

  /** Argument i as a Redis integer (string2ll rules), or null. */
  static Long parseLong(Args a, int i) {
    byte[] b = a.buffer();
    if (!RedisNumbers.isLong(b, a.offset(i), a.length(i))) return null;
    return RedisNumbers.parseLong(b, a.offset(i), a.length(i));
  }

  /**
   * Elements as Redis 7.0 replies WITHSCORES (and the counted ZPOP/ZRANDMEMBER forms): RESP2 one
   * flat array member, score, member, score...; RESP3 an array of [member, score] pairs.
   */
  static void scored(ReplyWriter r, ScoredList l, boolean withScores) {
    int n = l.size();
    boolean pairs = withScores && r.isResp3();
    r.array(withScores && !pairs ? n * 2 : n);
    for (int i = 0; i < n; i++) {
      if (pairs) r.array(2);
      r.bulk(l.member(i));
      if (withScores) r.doubleValue(l.score(i));
    }
  }

  /** Elements as [member, score] pairs in either protocol (ZMPOP). */
  static void pairs(ReplyWriter r, ScoredList l) {
    r.array(l.size());
    for (int i = 0; i < l.size(); i++) {
      r.array(2);
      r.bulk(l.member(i));
      r.doubleValue(l.score(i));
    }
  }
}
