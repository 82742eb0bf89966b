package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.protocol.Args;
import io.redline.store.Database;
import io.redline.store.Entry;
import io.redline.util.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * KEYS pattern, over every shard at once. Expired keys are skipped, not deleted (the walk must
 * not change the table it walks). A pattern without glob characters names at most one key, so it
 * is looked up directly instead of matched against every key.
 */
public final class Keys implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    byte[] pattern = a.bytes(1);
    long now = ctx.now;
    List<byte[]> found = new ArrayList<>();
    if (Glob.isLiteral(pattern)) {
      Entry e = ctx.db().db(pattern).peek(pattern);
      if (e != null && live(e, now)) found.add(e.key());
    } else {
      boolean all = pattern.length == 1 && pattern[0] == '*'; // Glob alone would not match the empty key
      ctx.db().forEachDatabase((Database d) -> d.forEach(e -> {
        if (live(e, now) && (all || Glob.match(pattern, e.key()))) found.add(e.key());
      }));
    }
    ctx.reply.array(found.size());
    for (byte[] k : found) ctx.reply.bulk(k);
  }

  private static boolean live(Entry e, long now) {
    return !e.hasExpiry() || e.expireAt() > now;
  }
}
