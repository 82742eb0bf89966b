package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.streams.store.ConsumerGroup;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.store.Entry;

/**
 * What every XGROUP subcommand but HELP does first (XGROUP <sub> key group ...), in Redis 7.0's
 * order: CREATE's options, the key (which must exist unless MKSTREAM), the group (which SETID,
 * CREATECONSUMER and DELCONSUMER need).
 */
final class GroupTarget {
  Entry entry;
  StreamValue stream;
  ConsumerGroup group;
  boolean mkStream;
  long entriesRead = ConsumerGroup.UNKNOWN_ENTRIES_READ;

  /** Null after an error reply. */
  static GroupTarget resolve(CommandContext ctx, boolean create, boolean needsGroup) {
    Args a = ctx.args;
    GroupTarget t = new GroupTarget();
    if (create) {
      for (int i = 5; i < a.size(); ) {
        if (a.is(i, "MKSTREAM")) {
          t.mkStream = true;
          i++;
        } else if (a.is(i, "ENTRIESREAD") && i + 1 < a.size()) {
          Long v = TrimArgs.integer(ctx, i + 1);
          if (v == null) return null;
          if (!validEntriesRead(ctx, v)) return null;
          t.entriesRead = v;
          i += 2;
        } else {
          subcommandSyntaxError(ctx);
          return null;
        }
      }
    }
    t.entry = Streams.lookupWrite(ctx, 2);
    if (t.entry != null) {
      if (!(t.entry.value() instanceof StreamValue s)) {
        ctx.error(Errors.WRONGTYPE);
        return null;
      }
      t.stream = s;
    }
    if (!t.mkStream) {
      if (t.stream == null) {
        ctx.error("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use "
            + "the MKSTREAM option to create an empty stream automatically.");
        return null;
      }
      t.group = t.stream.group(a.bytes(3));
      if (t.group == null && needsGroup) {
        ctx.reply.errorLatin1("NOGROUP No such consumer group '" + a.cString(3) + "' for key name '" + a.cString(2) + "'");
        return null;
      }
    }
    return t;
  }

  static boolean validEntriesRead(CommandContext ctx, long v) {
    if (v < 0 && v != ConsumerGroup.UNKNOWN_ENTRIES_READ) {
      ctx.error("ERR value for ENTRIESREAD must be positive or -1");
      return false;
    }
    return true;
  }

  /** Redis's addReplySubcommandSyntaxError: the subcommand as typed, the command in capitals. */
  static void subcommandSyntaxError(CommandContext ctx) {
    Errors.subcommandSyntax(ctx);
  }
}
