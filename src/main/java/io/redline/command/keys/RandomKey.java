package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Database;
import io.redline.store.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RANDOMKEY, over every shard at once: a shard is picked with probability proportional to its
 * key count, so every key stays (about) equally likely whatever the shard count.
 */
public final class RandomKey implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    List<Database> candidates = new ArrayList<>();
    ctx.db().forEachDatabase(d -> {
      if (d.size() > 0) candidates.add(d);
    });
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (!candidates.isEmpty()) {
      long total = 0;
      for (Database d : candidates) total += d.size();
      long r = random.nextLong(total);
      int pick = 0;
      while (r >= candidates.get(pick).size()) r -= candidates.get(pick++).size();
      Entry e = candidates.get(pick).randomKey(ctx.now);
      if (e != null) {
        ctx.reply.bulk(e.key());
        return;
      }
      candidates.remove(pick); // that shard held only expired keys
    }
    ctx.reply.nullBulk();
  }
}
