package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.hash.FieldTable;
import io.redline.store.hash.HashValue;
import java.util.ArrayList;
import java.util.List;

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count].
 *
 * <p>A listpack hash answers whole in one call with cursor 0, whatever the cursor and COUNT, as
 * Redis does. A hashtable hash is walked with {@link FieldTable#scanStep}: the cursor is Redis's
 * reverse-binary bucket cursor, which survives the table growing or shrinking between calls, so
 * a field present for the whole scan is returned at least once (a shrink may repeat some).
 * MATCH filters after the walk, so a call may return nothing with a non-zero cursor.
 */
public final class HScan implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    long[] cursor = ScanOptions.cursor(ctx);
    if (cursor == null) return;
    HashValue h = Hashes.read(ctx, 1);
    if (h == Hashes.WRONG_TYPE) return;
    if (h == null) {
      ScanOptions.replyCursor(ctx, 0);
      ctx.reply.emptyArray();
      return;
    }
    ScanOptions o = ScanOptions.parse(ctx);
    if (o == null) return;
    List<byte[]> out = new ArrayList<>();
    long next = 0;
    FieldTable t = h.table();
    if (t == null) {
      h.forEach((f, v) -> {
        if (o.matches(f)) {
          out.add(f);
          out.add(v);
        }
      });
    } else {
      List<FieldTable.Node> seen = new ArrayList<>();
      long budget = o.maxIterations();
      next = cursor[0];
      do {
        next = t.scanStep(next, seen::add);
      } while (next != 0 && budget-- > 0 && seen.size() < o.count);
      for (FieldTable.Node n : seen) {
        if (!o.matches(n.key())) continue;
        out.add(n.key());
        out.add(n.value());
      }
    }
    ScanOptions.replyCursor(ctx, next);
    ctx.reply.array(out.size());
    for (byte[] b : out) ctx.reply.bulk(b);
  }
}
