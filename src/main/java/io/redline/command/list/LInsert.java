package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;
import java.util.Arrays;

/**
 * LINSERT key BEFORE|AFTER pivot element: inserts next to the first occurrence of pivot. The new
 * length, -1 when the pivot is absent, 0 when the key is.
 */
public final class LInsert implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    boolean after;
    if (a.is(2, "AFTER")) {
      after = true;
    } else if (a.is(2, "BEFORE")) {
      after = false;
    } else {
      ctx.error(Errors.SYNTAX);
      return;
    }
    Entry e = ctx.lookupWrite(1);
    if (e == null) {
      ctx.reply.integer(0);
      return;
    }
    if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ListValue list = (ListValue) e.value();
    byte[] pb = a.buffer();
    int poff = a.offset(3);
    int plen = a.length(3);
    int[] found = {-1};
    list.scan(0, true, (i, b, off, n) -> {
      if (!Arrays.equals(b, off, off + n, pb, poff, poff + plen)) return true;
      found[0] = i;
      return false;
    });
    if (found[0] < 0) {
      ctx.reply.integer(-1);
      return;
    }
    list.insert(found[0] + (after ? 1 : 0), a.bytes(4));
    e.touch(ctx.server.lruClock());
    ctx.keyEvent(KeyEvent.LINSERT, e.key());
    ctx.dirty(1);
    ctx.reply.integer(list.size());
  }
}
