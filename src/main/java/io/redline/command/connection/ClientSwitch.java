package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.ClientSettings;
import java.util.function.BiConsumer;

/** CLIENT NO-EVICT ON|OFF and CLIENT NO-TOUCH ON|OFF: a per-connection switch. */
public final class ClientSwitch implements CommandHandler {
  private final BiConsumer<ClientSettings, Boolean> setter;

  public ClientSwitch(BiConsumer<ClientSettings, Boolean> setter) {
    this.setter = setter;
  }

  @Override
  public void execute(CommandContext ctx) {
    if (ctx.args.is(2, "ON")) setter.accept(ctx.client().settings(), true);
    else if (ctx.args.is(2, "OFF")) setter.accept(ctx.client().settings(), false);
    else {
      ctx.error(Errors.SYNTAX);
      return;
    }
    ctx.reply.ok();
  }
}
