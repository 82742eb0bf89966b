package io.redline.command.strings;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.notify.KeyEvent;
import io.redline.shard.Keyspace;
import io.redline.store.StringValue;

/**
 * MSET key value [key value ...] and MSETNX (all or nothing: 0 if any key exists). Keys on several
 * shards are held together by the dispatcher, so nobody sees half of it.
 */
public final class MSet implements CommandHandler {
  private final boolean onlyIfNoneExist;

  private MSet(boolean onlyIfNoneExist) {
    this.onlyIfNoneExist = onlyIfNoneExist;
  }

  static MSet always() { return new MSet(false); }

  static MSet ifNoneExist() { return new MSet(true); }

  @Override
  public void execute(CommandContext ctx) {
    int argc = ctx.argc();
    if (argc % 2 == 0) {
      ctx.error("ERR wrong number of arguments for '" + ctx.spec.name() + "' command");
      return;
    }
    if (onlyIfNoneExist) {
      for (int i = 1; i < argc; i += 2) {
        if (ctx.lookupWrite(i) != null) {
          ctx.reply.integer(0);
          return;
        }
      }
    }
    Keyspace db = ctx.db();
    // Looked up again per pair: a key named twice must be overwritten, not added twice.
    for (int i = 1; i < argc; i += 2) {
      StringWrites.store(ctx, db, ctx.lookupWrite(i), i, StringValue.of(ctx.args.bytes(i + 1)), false);
      ctx.keyEvent(KeyEvent.SET, i);
    }
    ctx.dirty((argc - 1) / 2);
    if (onlyIfNoneExist) ctx.reply.integer(1);
    else ctx.reply.ok();
  }
}
