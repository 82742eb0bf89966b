package io.redline.command.memory;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * MEMORY MALLOC-STATS: keys and values live on the JVM heap, not in a malloc arena, so there is no
 * allocator report to give; the answer is the one Redis gives when built without jemalloc.
 */
final class MemoryMallocStats implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.bulk("Stats not supported for the current allocator");
  }
}
