package io.redline.command.bitmap;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.StringBuilderValue;
import io.redline.store.StringValue;
import io.redline.util.RedisNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * BITFIELD key [GET type offset] [SET type offset value] [INCRBY type offset incr]
 * [OVERFLOW WRAP|SAT|FAIL] ... and BITFIELD_RO (GET only). Every operation is parsed before any
 * runs, so a bad one changes nothing. Types are i1..i64 and u1..u63; "#n" offsets count in
 * fields. OVERFLOW applies to the SET/INCRBY operations after it; FAIL answers nil and skips the
 * write, though the string has already been grown to hold every write, as in Redis.
 */
public final class BitField implements CommandHandler {
  private static final String BAD_TYPE =
      "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
  private static final int GET = 0, SET = 1, INCRBY = 2;

  private record Op(int code, boolean signed, int bits, long offset, long value, int overflow) {}

  private final boolean readOnly;

  private BitField(boolean readOnly) { this.readOnly = readOnly; }

  public static BitField readWrite() { return new BitField(false); }
  public static BitField readOnly() { return new BitField(true); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    List<Op> ops = new ArrayList<>();
    int overflow = BitFieldMath.WRAP;
    boolean writes = false;
    long highestBit = 0;
    for (int j = 2; j < a.size(); j++) {
      int rest = a.size() - j - 1;
      int code;
      if (a.is(j, "get") && rest >= 2) code = GET;
      else if (a.is(j, "set") && rest >= 3) code = SET;
      else if (a.is(j, "incrby") && rest >= 3) code = INCRBY;
      else if (a.is(j, "overflow") && rest >= 1) {
        j++;
        if (a.is(j, "wrap")) overflow = BitFieldMath.WRAP;
        else if (a.is(j, "sat")) overflow = BitFieldMath.SAT;
        else if (a.is(j, "fail")) overflow = BitFieldMath.FAIL;
        else {
          ctx.error("ERR Invalid OVERFLOW type specified");
          return;
        }
        continue;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
      int type = parseType(a, j + 1);
      if (type == 0) {
        ctx.error(BAD_TYPE);
        return;
      }
      int bits = Math.abs(type);
      long offset = BitStrings.offset(ctx, j + 2, bits);
      if (offset < 0) return;
      long value = 0;
      if (code != GET) {
        writes = true;
        highestBit = Math.max(highestBit, offset + bits - 1);
        try {
          value = RedisNumbers.parseLong(a.buffer(), a.offset(j + 3), a.length(j + 3));
        } catch (NumberFormatException e) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
      }
      ops.add(new Op(code, type < 0, bits, offset, value, overflow));
      j += code == GET ? 2 : 3;
    }

    byte[] b;
    int len;
    boolean[] grew = new boolean[1];
    if (!writes) {
      Entry e = ctx.lookupRead(1);
      if (e != null && !StringValue.isString(e.value())) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      BitStrings.View v = e == null ? BitStrings.View.EMPTY : BitStrings.view(e.value());
      b = v.b();
      len = v.len();
    } else {
      if (readOnly) {
        ctx.error("ERR BITFIELD_RO only supports the GET subcommand");
        return;
      }
      StringBuilderValue sb = BitStrings.forWrite(ctx, 1, highestBit, grew);
      if (sb == null) return;
      b = sb.array();
      len = sb.length();
    }

    ctx.reply.array(ops.size());
    int changes = 0;
    for (Op op : ops) {
      if (op.code == GET) {
        long v = op.signed ? BitFieldMath.getSigned(b, len, op.offset, op.bits)
            : BitFieldMath.getUnsigned(b, len, op.offset, op.bits);
        ctx.reply.integer(v);
        continue;
      }
      long old = op.signed ? BitFieldMath.getSigned(b, len, op.offset, op.bits)
          : BitFieldMath.getUnsigned(b, len, op.offset, op.bits);
      long base = op.code == INCRBY ? old : op.value;
      long incr = op.code == INCRBY ? op.value : 0;
      Long limited = op.signed ? BitFieldMath.signedOverflow(base, incr, op.bits, op.overflow)
          : BitFieldMath.unsignedOverflow(base, incr, op.bits, op.overflow);
      if (limited != null && op.overflow == BitFieldMath.FAIL) {
        ctx.reply.nullBulk();
        continue;
      }
      long stored = limited != null ? limited : base + incr;
      ctx.reply.integer(op.code == INCRBY ? stored : old);
      BitFieldMath.set(b, op.offset, op.bits, stored);
      // As Redis: a write counts as a change only if it grew the string or altered the field.
      if (grew[0] || old != stored) changes++;
    }
    if (changes > 0) {
      ctx.keyEvent(KeyEvent.SETBIT, 1);
      ctx.dirty(changes);
    }
  }

  /** +bits for "u<bits>", -bits for "i<bits>", 0 if invalid (u64 is not allowed). */
  private static int parseType(Args a, int i) {
    byte[] buf = a.buffer();
    int off = a.offset(i);
    int len = 0;
    while (len < a.length(i) && buf[off + len] != 0) len++; // read as a C string, like Redis
    if (len == 0 || (buf[off] != 'i' && buf[off] != 'u')) return 0;
    boolean signed = buf[off] == 'i';
    long bits;
    try {
      bits = RedisNumbers.parseLong(buf, off + 1, len - 1);
    } catch (NumberFormatException e) {
      return 0;
    }
    if (bits < 1 || bits > (signed ? 64 : 63)) return 0;
    return signed ? -(int) bits : (int) bits;
  }
}
