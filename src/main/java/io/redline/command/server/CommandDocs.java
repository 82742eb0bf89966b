package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.CommandSpec;
import java.util.ArrayList;
import java.util.List;

/** COMMAND DOCS [command-name ...]: a map of name to docs; names not served are left out. */
public final class CommandDocs implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    List<CommandSpec> specs = new ArrayList<>();
    if (ctx.argc() == 2) {
      specs.addAll(ctx.server.commands().all());
    } else {
      for (int i = 2; i < ctx.argc(); i++) {
        CommandSpec s = ServedCommands.byName(ctx.server.commands(), ctx.args.string(i));
        if (s != null) specs.add(s);
      }
    }
    ctx.reply.map(specs.size());
    for (CommandSpec s : specs) {
      ctx.reply.bulk(s.name());
      CommandInfoReply.docs(ctx.reply, s);
    }
  }
}
