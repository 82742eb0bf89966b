package io.redline.aof;

import io.redline.command.CommandContext;
import java.nio.charset.StandardCharsets;

/**
 * How a handler says what it did, for the AOF, when its arguments would not replay the same:
 * Redis 7.0's rewrites (relative TTLs as PEXPIREAT / SET ... PXAT, a time already past as DEL,
 * GETDEL as DEL, INCRBYFLOAT as SET ... KEEPTTL, random and blocking pops as what they popped).
 * Each call replaces the command's logged form; {@link CommandContext#alsoPropagate} adds more.
 */
public final class Effects {
  private static final byte[] PEXPIREAT = ascii("PEXPIREAT");
  private static final byte[] DEL = ascii("DEL");
  private static final byte[] SET = ascii("SET");
  private static final byte[] PXAT = ascii("PXAT");
  private static final byte[] KEEPTTL = ascii("KEEPTTL");
  private static final byte[] PERSIST = ascii("PERSIST");

  private Effects() {}

  public static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

  /** Logged as PEXPIREAT key ms (EXPIRE family, GETEX EX...). */
  public static void pexpireAt(CommandContext ctx, int keyArg, long millis) {
    ctx.propagateAs(PEXPIREAT, ctx.args.bytes(keyArg), ascii(Long.toString(millis)));
  }

  /** Logged as DEL key (a TTL already past, GETDEL). */
  public static void del(CommandContext ctx, int keyArg) {
    ctx.propagateAs(DEL, ctx.args.bytes(keyArg));
  }

  /** Logged as SET key value PXAT ms (SET EX/PX/EXAT, SETEX, PSETEX). */
  public static void setPxat(CommandContext ctx, int keyArg, int valueArg, long millis) {
    ctx.propagateAs(SET, ctx.args.bytes(keyArg), ctx.args.bytes(valueArg), PXAT, ascii(Long.toString(millis)));
  }

  /** Logged as SET key value (GETSET). */
  public static void set(CommandContext ctx, int keyArg, int valueArg) {
    ctx.propagateAs(SET, ctx.args.bytes(keyArg), ctx.args.bytes(valueArg));
  }

  /** Logged as SET key value KEEPTTL (INCRBYFLOAT: the float text, not the increment). */
  public static void setKeepTtl(CommandContext ctx, int keyArg, byte[] value) {
    ctx.propagateAs(SET, ctx.args.bytes(keyArg), value, KEEPTTL);
  }

  /** Logged as PERSIST key (GETEX PERSIST). */
  public static void persist(CommandContext ctx, int keyArg) {
    ctx.propagateAs(PERSIST, ctx.args.bytes(keyArg));
  }

  /** Logged without argument {@code drop} (SET ... GET: the GET changes nothing). */
  public static void without(CommandContext ctx, int drop) {
    byte[][] argv = new byte[ctx.args.size() - 1][];
    for (int i = 0, k = 0; i < ctx.args.size(); i++) if (i != drop) argv[k++] = ctx.args.bytes(i);
    ctx.propagateAs(argv);
  }
}
