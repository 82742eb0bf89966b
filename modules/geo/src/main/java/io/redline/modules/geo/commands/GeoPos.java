package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.geo.GeoCells;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;

/**
 * GEOPOS key member [...]: each member's [longitude, latitude], the centre of its stored cell,
 * or a null array when absent (a missing key is a key with no members).
 */
final class GeoPos implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (GeoArgs.wrongType(ctx, e)) return;
    ZSetValue z = e == null ? null : (ZSetValue) e.value();
    int n = ctx.argc() - 2;
    ctx.reply.array(n);
    double[] xy = new double[2];
    for (int i = 2; i < ctx.argc(); i++) {
      double score = z == null ? Double.NaN : GeoArgs.score(z, ctx.args, i);
      if (score != score) {
        ctx.reply.nullArray();
        continue;
      }
      GeoCells.decode(score, xy);
      ctx.reply.array(2);
      GeoArgs.coordinate(ctx.reply, xy[0]);
      GeoArgs.coordinate(ctx.reply, xy[1]);
    }
  }
}
