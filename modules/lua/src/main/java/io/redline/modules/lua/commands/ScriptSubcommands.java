package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.lua.ReplyEncoder;
import java.nio.charset.StandardCharsets;

/** SCRIPT LOAD / EXISTS / FLUSH over the engine's script cache, and SCRIPT KILL. */
final class ScriptSubcommands {
  private ScriptSubcommands() {}

  static CommandHandler load(Scripting s) {
    return ctx -> ReplyEncoder.write(s.engine.load(ctx.args.bytes(2)), ctx.reply);
  }

  static CommandHandler exists(Scripting s) {
    return ctx -> {
      ctx.reply.array(ctx.argc() - 2);
      for (int i = 2; i < ctx.argc(); i++) {
        ctx.reply.integer(s.engine.exists(new String(ctx.args.bytes(i), StandardCharsets.ISO_8859_1)) ? 1 : 0);
      }
    };
  }

  /** Runs on the caller's loop (CONNECTION route): the script runs meanwhile. */
  static CommandHandler kill(Scripting s) {
    return ctx -> {
      String refusal = s.kill(ctx.client(), true);
      if (refusal == null) ctx.reply.ok();
      else ctx.error(refusal);
    };
  }

  static CommandHandler flush(Scripting s) {
    return (CommandContext ctx) -> {
      if (ctx.argc() > 3 || (ctx.argc() == 3 && !ctx.args.is(2, "SYNC") && !ctx.args.is(2, "ASYNC"))) {
        ctx.error("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
        return;
      }
      s.engine.flush();
      ctx.reply.ok();
    };
  }
}
