package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * LPOP / RPOP key [count]. Without a count: one element or a null bulk. With one: an array of up
 * to count elements, an empty array for 0, and a null array when the key is missing.
 */
public final class Pop implements CommandHandler {
  private static final String BAD_COUNT = "ERR value is out of range, must be positive";

  private final boolean atHead;

  private Pop(boolean atHead) { this.atHead = atHead; }

  public static Pop lpop() { return new Pop(true); }
  public static Pop rpop() { return new Pop(false); }

  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 3) {
      ctx.error("ERR wrong number of arguments for '" + ctx.spec.name() + "' command");
      return;
    }
    boolean hasCount = ctx.argc() == 3;
    long count = 1;
    if (hasCount) {
      try {
        count = ListWrites.longArg(ctx.args, 2);
      } catch (NumberFormatException ex) {
        count = -1;
      }
      if (count < 0) {
        ctx.error(BAD_COUNT);
        return;
      }
    }
    Entry e = ctx.lookupWrite(1);
    if (e == null) {
      if (hasCount) ctx.reply.nullArray();
      else ctx.reply.nullBulk();
      return;
    }
    if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ListValue list = (ListValue) e.value();
    if (!hasCount) {
      ctx.reply.bulk(list.pop(atHead));
    } else {
      int n = (int) Math.min(count, list.size());
      ctx.reply.array(n);
      for (int i = 0; i < n; i++) ctx.reply.bulk(list.pop(atHead));
      if (n == 0) return;
    }
    e.touch(ctx.server.lruClock());
    ctx.dirty(1);
    ListWrites.popped(ctx, e, list, atHead);
  }
}
