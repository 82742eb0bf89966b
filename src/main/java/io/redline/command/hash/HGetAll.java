package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.hash.HashValue;

/**
 * HGETALL (a map of fields to values), HKEYS and HVALS (arrays). A listpack answers in insertion
 * order, as Redis does; a hashtable in its table order.
 */
public final class HGetAll implements CommandHandler {
  private final boolean fields;
  private final boolean values;

  private HGetAll(boolean fields, boolean values) {
    this.fields = fields;
    this.values = values;
  }

  public static HGetAll all() { return new HGetAll(true, true); }

  public static HGetAll keys() { return new HGetAll(true, false); }

  public static HGetAll vals() { return new HGetAll(false, true); }

  @Override
  public void execute(CommandContext ctx) {
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    int n = h == null ? 0 : h.size();
    if (fields && values) ctx.reply.map(n);
    else ctx.reply.array(n);
    if (h == null) return;
    h.forEach((f, v) -> {
      if (fields) ctx.reply.bulk(f);
      if (values) ctx.reply.bulk(v);
    });
  }
}
