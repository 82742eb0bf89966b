package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.CommandSpec;

/** COMMAND INFO [command-name ...]: null for a name not served; all commands with no names. */
public final class CommandInfo implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if (ctx.argc() == 2) {
      new CommandAll().execute(ctx);
      return;
    }
    ctx.reply.array(ctx.argc() - 2);
    for (int i = 2; i < ctx.argc(); i++) {
      CommandSpec s = ServedCommands.byName(ctx.server.commands(), ctx.args.string(i));
      if (s == null) ctx.reply.nullBulk();
      else CommandInfoReply.info(ctx.reply, s);
    }
  }
}
