package io.redline.command.memory;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.memory.MemoryManager;

/**
 * MEMORY DOCTOR: Redis's two fixed answers (too little data to judge; nothing found) and, when
 * something is off, a report of the conditions that matter on the JVM: a past peak far above
 * current use, a resident set far above the data (heap headroom the JVM keeps), data close to
 * the limit in force, and a maxmemory the heap cannot hold.
 */
public final class MemoryDoctor implements CommandHandler {
  private static final long LITTLE = 5L << 20; // Redis's threshold for "empty"

  @Override
  public void execute(CommandContext ctx) {
    MemoryManager m = ctx.server.memory();
    long used = m.used();
    if (used < LITTLE) {
      ctx.reply.verbatim("Hi Sam, this instance is empty or is using very little memory, my issues detector can't be"
          + " used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new"
          + " Sam and I will be back to our programming as soon as I finished rebooting.");
      return;
    }
    StringBuilder issues = new StringBuilder();
    long peak = m.peak();
    if (peak > used * 3 / 2) {
      issues.append(" * Peak memory: the data once took ").append(MemoryManager.human(peak)).append(", more than 150% of the ")
          .append(MemoryManager.human(used)).append(" it takes now. The JVM keeps heap it has grown to unless the collector"
              + " gives it back (see docs/memory.md: heap sizing flags).\n\n");
    }
    long rss = MemoryStats.rss();
    if (rss > used * 2) {
      issues.append(" * High RSS: the process holds ").append(MemoryManager.human(rss)).append(" for ")
          .append(MemoryManager.human(used)).append(" of data. Heap headroom and garbage not yet collected count in"
              + " the resident set; a smaller -Xmx or the heap flags in the README bring it closer to the data.\n\n");
    }
    if (used > m.limit() * 9 / 10) {
      issues.append(" * Near the limit: the data uses ").append(used * 100 / Math.max(1, m.limit()))
          .append("% of the ").append(MemoryManager.human(m.limit())).append(" in force; with policy ")
          .append(m.policy().configName()).append(" writes ").append(m.policy() == io.redline.memory.Policy.NOEVICTION
              ? "will be refused with OOM errors" : "evict keys").append(" beyond it.\n\n");
    }
    if (m.configured() > m.heapLimit()) {
      issues.append(" * Heap too small: maxmemory is ").append(MemoryManager.human(m.configured()))
          .append(" but the heap can hold ").append(MemoryManager.human(m.heapLimit())).append(" of data; raise -Xmx.\n\n");
    }
    if (issues.length() == 0) {
      ctx.reply.verbatim("Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs"
          + " on this base.");
    } else {
      ctx.reply.verbatim("Sam, I detected a few issues in this Redline instance memory implants:\n\n" + issues
          + "I'm here to keep you safe, Sam. I want to help you.\n");
    }
  }
}
