package io.redline.modules.lua.commands;

import io.redline.command.BusyTracker;
import io.redline.command.CommandContext;
import io.redline.command.OffLoopCommand;
import io.redline.modules.lua.FunctionLibrary;
import io.redline.modules.lua.ReplyEncoder;
import io.redline.protocol.Args;
import java.nio.charset.StandardCharsets;

/**
 * FCALL / FCALL_RO function numkeys [key ...] [arg ...]. Like EVAL it holds its keys' shards (and
 * any it touches) and runs on the script worker (so -BUSY and FUNCTION KILL work while it loops); FCALL_RO refuses a
 * function not flagged no-writes, and a no-writes function may not write under either command.
 */
final class Fcall implements OffLoopCommand {
  private final Scripting scripting;
  private final boolean readOnly;

  Fcall(Scripting scripting, boolean readOnly) {
    this.scripting = scripting;
    this.readOnly = readOnly;
  }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    FunctionLibrary.Function f = scripting.functions.function(new String(a.bytes(1), StandardCharsets.ISO_8859_1));
    if (f == null) {
      ctx.error("ERR Function not found");
      return;
    }
    ScriptArgs parsed = ScriptArgs.parse(ctx, "ERR Bad number of keys provided");
    if (parsed == null) return;
    byte[][] keys = parsed.keys();
    byte[][] args = parsed.argv();
    Scripting.Run run = new Scripting.Run(BusyTracker.Kind.FUNCTION, f.name(), f.flags(), readOnly);
    ReplyEncoder.write(scripting.run(ctx, run, () -> scripting.functions.call(f, keys, args)), ctx.reply);
  }
}
