package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * OBJECT FREQ key. Access frequency is tracked only under an LFU maxmemory policy; Redline has no
 * maxmemory policies yet, so this always answers as Redis does under its default (noeviction).
 */
public final class ObjectFreq implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (KeyArgs.objectLookup(ctx, 2) == null) {
      ctx.reply.nullBulk();
      return;
    }
    ctx.error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that"
        + " when switching between policies at runtime LRU and LFU data will take some time to adjust.");
  }
}
