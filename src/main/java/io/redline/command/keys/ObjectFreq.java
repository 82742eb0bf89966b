package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.memory.Lfu;
import io.redline.store.Entry;

/**
 * OBJECT FREQ key: the key's logarithmic access counter after decay, read without touching it.
 * Counters are kept only under an LFU maxmemory-policy; otherwise Redis's error.
 */
public final class ObjectFreq implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = KeyArgs.objectLookup(ctx, 2);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    if (!ctx.server.memory().policy().lfu()) {
      ctx.error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that"
          + " when switching between policies at runtime LRU and LFU data will take some time to adjust.");
      return;
    }
    ctx.reply.integer(Lfu.decayed(e.accessClock()));
  }
}
