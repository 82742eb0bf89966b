package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.HelpReply;
import io.redline.server.SlowLog;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/** SLOWLOG GET [count] / LEN / RESET (HELP is a {@link HelpReply}); the log itself is {@link SlowLog}. */
final class SlowlogCommands {
  private SlowlogCommands() {}

  /** SLOWLOG GET [count]: the newest entries (10 by default, all for -1), newest first. */
  static CommandHandler get() {
    return ctx -> {
      if (ctx.argc() > 3) {
        io.redline.command.Errors.subcommandSyntax(ctx);
        return;
      }
      long count = 10;
      if (ctx.argc() == 3) {
        try {
          count = RedisNumbers.parseLong(ctx.args.buffer(), ctx.args.offset(2), ctx.args.length(2));
        } catch (NumberFormatException e) {
          count = Long.MIN_VALUE; // Redis answers a non-number with the range error too
        }
        if (count < -1) {
          ctx.error("ERR count should be greater than or equal to -1");
          return;
        }
      }
      var entries = ctx.server.slowLog().newest(count);
      ctx.reply.array(entries.size());
      for (SlowLog.Entry e : entries) {
        ctx.reply.array(6);
        ctx.reply.integer(e.id());
        ctx.reply.integer(e.timestamp());
        ctx.reply.integer(e.micros());
        ctx.reply.array(e.args().length);
        for (byte[] a : e.args()) ctx.reply.bulk(a);
        ctx.reply.bulk(e.address().getBytes(StandardCharsets.UTF_8));
        ctx.reply.bulk(e.name().getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  static CommandHandler len() { return ctx -> ctx.reply.integer(ctx.server.slowLog().length()); }

  static CommandHandler reset() {
    return ctx -> {
      ctx.server.slowLog().reset();
      ctx.reply.ok();
    };
  }

  static HelpReply help() {
    return new HelpReply(
        "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GET [<count>]",
        "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
        "    Entries are made of:",
        "    id, timestamp, time in microseconds, arguments array, client IP and port,",
        "    client name",
        "LEN",
        "    Return the length of the slowlog.",
        "RESET",
        "    Reset the slowlog.",
        "HELP",
        "    Prints this help.");
  }
}
