package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.store.Entry;

/** What several stream handlers share: write lookups that refresh the access clock, and the node limits. */
final class Streams {
  private Streams() {}

  static final String NO_SUCH_KEY = "ERR no such key";

  /** Redis's lookupKeyWrite also refreshes the key's LRU clock. */
  static Entry lookupWrite(CommandContext ctx, int i) {
    Entry e = ctx.lookupWrite(i);
    if (e != null) e.touch(ctx.server.lruClock());
    return e;
  }

  static long nodeMaxBytes(CommandContext ctx) { return ctx.server.config().getLong("stream-node-max-bytes"); }

  static long nodeMaxEntries(CommandContext ctx) { return ctx.server.config().getLong("stream-node-max-entries"); }
}
