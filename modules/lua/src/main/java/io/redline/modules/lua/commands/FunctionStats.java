package io.redline.modules.lua.commands;

import io.redline.command.BusyTracker;
import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.lua.FunctionEngine;
import io.redline.protocol.ReplyWriter;

/**
 * FUNCTION STATS: the function running now (name, command, duration_ms) or null, and the library
 * and function counts. Runs on the caller's loop (CONNECTION route, allow_busy), so it answers
 * while a function runs; during an EVAL it answers EVAL's BUSY error, as Redis does.
 */
final class FunctionStats implements CommandHandler {
  private final Scripting scripting;

  FunctionStats(Scripting scripting) { this.scripting = scripting; }

  @Override
  public void execute(CommandContext ctx) {
    Scripting.Running r = scripting.runningFor(ctx.client());
    if (r != null && r.kind() == BusyTracker.Kind.SCRIPT) {
      ctx.error(Scripting.BUSY_SCRIPT);
      return;
    }
    ReplyWriter w = ctx.reply;
    w.map(2);
    w.bulk("running_script");
    if (r == null) {
      w.nullBulk();
    } else {
      w.map(3);
      w.bulk("name");
      w.bulk(r.name().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      w.bulk("command");
      w.array(r.command().length);
      for (byte[] word : r.command()) w.bulk(word);
      w.bulk("duration_ms");
      w.integer(ctx.server.busy().runningMillis());
    }
    w.bulk("engines");
    w.map(1);
    w.bulk(FunctionEngine.ENGINE);
    w.map(2);
    w.bulk("libraries_count");
    w.integer(scripting.functions.libraryCount());
    w.bulk("functions_count");
    w.integer(scripting.functions.functionCount());
  }
}
