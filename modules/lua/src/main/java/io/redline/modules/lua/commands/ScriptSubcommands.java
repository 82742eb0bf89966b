package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.lua.ReplyEncoder;
import java.nio.charset.StandardCharsets;

/** SCRIPT LOAD / EXISTS / FLUSH over the engine's script cache, and SCRIPT KILL. */
final class ScriptSubcommands {
  private ScriptSubcommands() {}

  /** SCRIPT HELP: Redis's lines, less SCRIPT DEBUG, which Redline does not serve. */
  static CommandHandler help() {
    return new io.redline.command.HelpReply(
        "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "EXISTS <sha1> [<sha1> ...]",
        "    Return information about the existence of the scripts in the script cache.",
        "FLUSH [ASYNC|SYNC]",
        "    Flush the Lua scripts cache. Very dangerous on replicas.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the scripts cache.",
        "    * SYNC: Synchronously flush the scripts cache.",
        "KILL",
        "    Kill the currently executing Lua script.",
        "LOAD <script>",
        "    Load a script into the scripts cache without executing it.",
        "HELP",
        "    Prints this help.");
  }

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
