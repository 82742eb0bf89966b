package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;

/**
 * BITOP AND|OR|XOR|NOT destkey key [key ...]: combines the sources byte by byte (shorter ones and
 * missing keys read as zeros) into destkey, replacing any value and TTL there; an all-empty result
 * deletes destkey. Replies with the result's length. Sources on other shards are fine: the command
 * runs as one multi-shard transaction.
 */
public final class BitOp implements CommandHandler {
  private enum Op { AND, OR, XOR, NOT }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    Op op;
    if (a.is(1, "and")) op = Op.AND;
    else if (a.is(1, "or")) op = Op.OR;
    else if (a.is(1, "xor")) op = Op.XOR;
    else if (a.is(1, "not")) op = Op.NOT;
    else {
      ctx.error(Errors.SYNTAX);
      return;
    }
    if (op == Op.NOT && a.size() != 4) {
      ctx.error("ERR BITOP NOT must be called with a single source key.");
      return;
    }
    int n = a.size() - 3;
    BitStrings.View[] src = new BitStrings.View[n];
    int maxLen = 0;
    for (int j = 0; j < n; j++) {
      Entry e = ctx.lookupRead(j + 3);
      if (e == null) {
        src[j] = BitStrings.View.EMPTY;
        continue;
      }
      if (!StringValue.isString(e.value())) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      src[j] = BitStrings.view(e.value());
      maxLen = Math.max(maxLen, src[j].len());
    }
    Keyspace db = ctx.db();
    Entry dest = ctx.lookupWrite(2);
    if (maxLen == 0) {
      if (dest != null) {
        db.delete(dest);
        ctx.keyEvent(KeyEvent.DEL, dest.key());
        ctx.dirty(1);
      }
      ctx.reply.integer(0);
      return;
    }
    // Build straight into the new value's array: one allocation, however big the result.
    StringBuilderValue result = new StringBuilderValue(new byte[0], maxLen);
    result.write(maxLen - 1, new byte[1], 0, 1);
    combine(op, src, result.array(), maxLen);
    if (dest == null) {
      dest = db.add(a.bytes(2), result);
      ctx.keyEvent(KeyEvent.NEW, dest.key());
    } else {
      dest.value(result);
      if (dest.hasExpiry()) db.setExpire(dest, Entry.NO_EXPIRY);
    }
    dest.touch(ctx.server.lruClock());
    ctx.keyEvent(KeyEvent.SET, dest.key());
    ctx.dirty(1);
    ctx.reply.integer(maxLen);
  }

  private static void combine(Op op, BitStrings.View[] src, byte[] out, int len) {
    BitStrings.View first = src[0];
    System.arraycopy(first.b(), 0, out, 0, first.len());
    if (op == Op.NOT) {
      for (int i = 0; i < len; i++) out[i] = (byte) ~out[i];
      return;
    }
    for (int j = 1; j < src.length; j++) {
      byte[] b = src[j].b();
      int n = src[j].len();
      switch (op) {
        case AND -> {
          for (int i = 0; i < n; i++) out[i] &= b[i];
          // Past this source's end it reads as zeros.
          java.util.Arrays.fill(out, n, len, (byte) 0);
        }
        case OR -> {
          for (int i = 0; i < n; i++) out[i] |= b[i];
        }
        default -> {
          for (int i = 0; i < n; i++) out[i] ^= b[i];
        }
      }
    }
  }
}
