package io.redline.command.memory;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;

/**
 * MEMORY PURGE: Redis asks its allocator to hand dirty pages back to the OS. Here the collector
 * does that: a full collection (with the README's cache flags the heap then shrinks to what is
 * live, and the JVM gives the rest back). A pause like any full GC; OK, as Redis answers.
 */
final class MemoryPurge implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    System.gc();
    ctx.reply.ok();
  }
}
