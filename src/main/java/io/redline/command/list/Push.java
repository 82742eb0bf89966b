package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;

/**
 * LPUSH / RPUSH key element [element ...] and LPUSHX / RPUSHX (only onto an existing list): the
 * list's length after the push (0 for an X form on a missing key).
 */
public final class Push implements CommandHandler {
  private final boolean atHead;
  private final boolean onlyIfExists;

  private Push(boolean atHead, boolean onlyIfExists) {
    this.atHead = atHead;
    this.onlyIfExists = onlyIfExists;
  }

  public static Push lpush() { return new Push(true, false); }
  public static Push rpush() { return new Push(false, false); }
  public static Push lpushx() { return new Push(true, true); }
  public static Push rpushx() { return new Push(false, true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Entry e = ctx.lookupWrite(1);
    if (e == null && onlyIfExists) {
      ctx.reply.integer(0);
      return;
    }
    if (e != null && !ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    byte[][] elements = new byte[a.size() - 2][];
    for (int i = 2; i < a.size(); i++) elements[i - 2] = a.bytes(i);
    ListValue list = ListWrites.push(ctx, e, 1, atHead, elements);
    ctx.reply.integer(list.size());
  }
}
