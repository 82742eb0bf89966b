package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import java.util.ArrayList;
import java.util.List;

/** CONFIG SET parameter value [parameter value ...]: all or nothing. */
public final class ConfigSet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    if ((ctx.argc() - 2) % 2 != 0) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    List<String[]> pairs = new ArrayList<>();
    for (int i = 2; i < ctx.argc(); i += 2) pairs.add(new String[] {ctx.args.string(i), ctx.args.string(i + 1)});
    String error = ctx.server.config().set(pairs);
    if (error == null) ctx.reply.ok();
    else ctx.error(error);
  }
}
