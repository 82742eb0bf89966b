package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.modules.geo.Earth;
import io.redline.modules.geo.GeoCells;
import io.redline.modules.geo.GeoFormat;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/**
 * GEODIST key member1 member2 [M|KM|FT|MI]: the distance between two stored points, four
 * decimals, as a bulk string in both protocols; null when the key or either member is missing.
 * The unit is checked before the key.
 */
final class GeoDist implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    double toMeters = 1;
    if (ctx.argc() == 5) {
      toMeters = GeoArgs.unit(ctx, 4);
      if (toMeters < 0) return;
    } else if (ctx.argc() > 5) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    if (GeoArgs.wrongType(ctx, e)) return;
    ZSetValue z = (ZSetValue) e.value();
    double s1 = GeoArgs.score(z, ctx.args, 2), s2 = GeoArgs.score(z, ctx.args, 3);
    if (s1 != s1 || s2 != s2) {
      ctx.reply.nullBulk();
      return;
    }
    double[] p1 = new double[2], p2 = new double[2];
    GeoCells.decode(s1, p1);
    GeoCells.decode(s2, p2);
    ctx.reply.bulk(GeoFormat.distance(Earth.distance(p1[0], p1[1], p2[0], p2[1]) / toMeters));
  }
}
