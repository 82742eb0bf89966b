package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.Entry;

/**
 * OBJECT IDLETIME key: seconds since the key was last read or written (without touching it now).
 * Under an LFU maxmemory-policy the access field holds a counter instead, and Redis refuses.
 */
public final class ObjectIdleTime implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = KeyArgs.objectLookup(ctx, 2);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    if (ctx.server.memory().policy().lfu()) {
      ctx.error("ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching"
          + " between policies at runtime LRU and LFU data will take some time to adjust.");
      return;
    }
    ctx.reply.integer(io.redline.memory.Lfu.idleSeconds(e.accessClock()));
  }
}
