package io.redline.command.hash;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.command.keys.ScanCursor;
import io.redline.protocol.Args;
import io.redline.util.Glob;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/**
 * The cursor and the MATCH/COUNT options shared by HSCAN, SSCAN and ZSCAN (Redis 7.0 has no
 * NOVALUES and no TYPE for them), parsed with Redis's rules and error texts. As in Redis, the
 * cursor is checked before the key is looked up, the options only after.
 */
public final class ScanOptions {
  public long count = 10;
  private byte[] pattern; // null: everything matches

  private ScanOptions() {}

  /** The cursor at argument 2, or replies "invalid cursor" and returns null. */
  public static long[] cursor(CommandContext ctx) {
    long[] c = new long[1];
    if (ScanCursor.parse(ctx.args, 2, c)) return c;
    ctx.error("ERR invalid cursor");
    return null;
  }

  /** The options from argument 3 on, or replies the error and returns null. */
  public static ScanOptions parse(CommandContext ctx) {
    Args a = ctx.args;
    ScanOptions o = new ScanOptions();
    for (int i = 3; i < a.size(); i += 2) {
      boolean hasValue = i + 1 < a.size();
      if (a.is(i, "COUNT") && hasValue) {
        if (!RedisNumbers.isLong(a.buffer(), a.offset(i + 1), a.length(i + 1))) {
          ctx.error(Errors.NOT_INTEGER);
          return null;
        }
        o.count = RedisNumbers.parseLong(a.buffer(), a.offset(i + 1), a.length(i + 1));
        if (o.count < 1) {
          ctx.error(Errors.SYNTAX);
          return null;
        }
      } else if (a.is(i, "MATCH") && hasValue) {
        byte[] p = a.bytes(i + 1);
        o.pattern = p.length == 1 && p[0] == '*' ? null : p;
      } else {
        ctx.error(Errors.SYNTAX);
        return null;
      }
    }
    return o;
  }

  public boolean matches(byte[] element) {
    return pattern == null || Glob.match(pattern, element);
  }

  /** How many buckets a step may visit while looking for COUNT elements (Redis: COUNT * 10). */
  public long maxIterations() {
    return count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
  }

  /** Writes the reply's header: a two-element array whose first element is the cursor text. */
  public static void replyCursor(CommandContext ctx, long cursor) {
    ctx.reply.array(2);
    ctx.reply.bulk(Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII));
  }
}
