package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.config.ServerConfig;
import io.redline.modules.geo.GeoCells;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetLimits;
import io.redline.store.zset.ZSetValue;

/**
 * GEOADD key [NX|XX] [CH] longitude latitude member [...]: Redis runs it as ZADD with each point's
 * 52-bit cell as the score, so the checks come in ZADD's order after the coordinates: options and
 * argument count, every coordinate pair, then the key's type. Nothing is added unless all pairs
 * are valid.
 */
final class GeoAdd implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    boolean nx = false, xx = false, ch = false;
    int first = 2;
    for (; first < a.size(); first++) {
      if (a.is(first, "nx")) nx = true;
      else if (a.is(first, "xx")) xx = true;
      else if (a.is(first, "ch")) ch = true;
      else break;
    }
    int rest = a.size() - first;
    if (rest % 3 != 0 || rest == 0 || (xx && nx)) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    int points = rest / 3;
    double[] scores = new double[points];
    double[] xy = new double[2];
    for (int p = 0; p < points; p++) {
      if (!GeoArgs.lonLat(ctx, first + 3 * p, xy)) return;
      scores[p] = GeoCells.score(xy[0], xy[1]);
    }

    Entry e = ctx.lookupWrite(1);
    if (GeoArgs.wrongType(ctx, e)) return;
    if (e != null) e.touch(ctx.server.lruClock());
    ServerConfig c = ctx.server.config();
    ZSetLimits limits = new ZSetLimits(c.getLong("zset-max-listpack-entries"), c.getLong("zset-max-listpack-value"));
    if (e == null && !xx) {
      e = ctx.db().add(a.bytes(1), ZSetValue.forAdd(a.length(first + 2), limits));
      ctx.keyEvent(KeyEvent.NEW, e.key());
    }
    long added = 0, updated = 0;
    if (e != null) {
      ZSetValue z = (ZSetValue) e.value();
      int flags = (nx ? ZSetValue.NX : 0) | (xx ? ZSetValue.XX : 0);
      double[] newScore = new double[1];
      for (int p = 0; p < points; p++) {
        int m = first + 3 * p + 2;
        int out = z.add(a.buffer(), a.offset(m), a.length(m), scores[p], flags, newScore, limits);
        if ((out & ZSetValue.ADDED) != 0) added++;
        if ((out & ZSetValue.UPDATED) != 0) updated++;
      }
      if (added + updated > 0) {
        ctx.keyEvent(KeyEvent.ZADD, e.key()); // Redis runs GEOADD as ZADD, events included
        ctx.dirty(added + updated);
      }
    }
    ctx.reply.integer(ch ? added + updated : added);
  }
}
