package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.CommandSpec;
import java.util.Collection;

/** COMMAND (no subcommand): COMMAND INFO of every served command. */
public final class CommandAll implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Collection<CommandSpec> all = ctx.server.commands().all();
    ctx.reply.array(all.size());
    for (CommandSpec s : all) CommandInfoReply.info(ctx.reply, s);
  }
}
