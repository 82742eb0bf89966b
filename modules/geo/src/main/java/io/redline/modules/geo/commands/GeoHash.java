package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.geo.GeoCells;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/** GEOHASH key member [...]: each member's standard 11-character geohash, or null when absent. */
final class GeoHash implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (GeoArgs.wrongType(ctx, e)) return;
    ZSetValue z = e == null ? null : (ZSetValue) e.value();
    ctx.reply.array(ctx.argc() - 2);
    for (int i = 2; i < ctx.argc(); i++) {
      double score = z == null ? Double.NaN : GeoArgs.score(z, ctx.args, i);
      if (score != score) ctx.reply.nullBulk();
      else ctx.reply.bulk(GeoCells.standardGeohash(score));
    }
  }
}
