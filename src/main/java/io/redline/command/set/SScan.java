package io.redline.command.set;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.hash.ScanOptions;
import io.redline.store.hash.FieldTable;
import io.redline.store.set.SetValue;
import java.util.ArrayList;
import java.util.List;

/**
 * SSCAN key cursor [MATCH pattern] [COUNT count]. An intset answers whole, ascending, with cursor
 * 0, as Redis does; a hashtable is walked with the reverse-binary bucket cursor of
 * {@link FieldTable#scanStep}, which survives resizes between calls (see HScan).
 */
public final class SScan implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long[] cursor = ScanOptions.cursor(ctx);
    if (cursor == null) return;
    SetValue s = Sets.read(ctx, 1);
    if (s == Sets.WRONG_TYPE) return;
    if (s == null) {
      ScanOptions.replyCursor(ctx, 0);
      ctx.reply.emptyArray();
      return;
    }
    ScanOptions o = ScanOptions.parse(ctx);
    if (o == null) return;
    List<byte[]> out = new ArrayList<>();
    long next = 0;
    FieldTable t = s.table();
    if (t == null) {
      s.forEach(m -> {
        if (o.matches(m)) out.add(m);
      });
    } else {
      List<byte[]> seen = new ArrayList<>();
      long budget = o.maxIterations();
      next = cursor[0];
      do {
        next = t.scanStep(next, n -> seen.add(n.key()));
      } while (next != 0 && budget-- > 0 && seen.size() < o.count);
      for (byte[] m : seen) if (o.matches(m)) out.add(m);
    }
    ScanOptions.replyCursor(ctx, next);
    ctx.reply.array(out.size());
    for (byte[] m : out) ctx.reply.bulk(m);
  }
}
