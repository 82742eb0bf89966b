package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.lua.FunctionEngine;

/** FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE] (APPEND by default). */
final class FunctionRestore implements CommandHandler {
  private final Scripting scripting;

  FunctionRestore(Scripting scripting) { this.scripting = scripting; }

  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() > 4) {
      FunctionSubcommands.syntaxError(ctx);
      return;
    }
    FunctionEngine.RestorePolicy policy = FunctionEngine.RestorePolicy.APPEND;
    if (ctx.argc() == 4) {
      if (ctx.args.is(3, "APPEND")) {
        policy = FunctionEngine.RestorePolicy.APPEND;
      } else if (ctx.args.is(3, "REPLACE")) {
        policy = FunctionEngine.RestorePolicy.REPLACE;
      } else if (ctx.args.is(3, "FLUSH")) {
        policy = FunctionEngine.RestorePolicy.FLUSH;
      } else {
        ctx.error("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
        return;
      }
    }
    try {
      scripting.functions.restore(ctx.args.bytes(2), policy);
      ctx.dirty(1);
      ctx.reply.ok();
    } catch (FunctionEngine.Refusal e) {
      ctx.reply.errorLatin1("ERR " + e.getMessage());
    }
  }
}
