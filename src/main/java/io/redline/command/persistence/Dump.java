package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.persist.DumpPayload;
import io.redline.store.Entry;

/** DUMP key: the value in Redis's DUMP format (RDB payload, RDB version, CRC-64), or nil. */
public final class Dump implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      ctx.reply.nullBulk();
      return;
    }
    ctx.reply.bulk(DumpPayload.create(e.value(), ctx.server.persistence().compression()));
  }
}
