package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import java.time.Instant;

/** TIME: seconds and microseconds of the server clock, as two bulk strings. */
public final class Time implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Instant now = Instant.now();
    ctx.reply.array(2);
    ctx.reply.bulk(now.getEpochSecond());
    ctx.reply.bulk(now.getNano() / 1000);
  }
}
