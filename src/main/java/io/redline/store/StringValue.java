package io.redline.store;

import io.redline.util.RedisNumbers;

/**
 * The three shapes of a string value and how they convert: {@code byte[]} (Redis embstr/raw),
 * {@link Long} (Redis int: a canonical integer, stored without its digits) and
 * {@link StringBuilderValue} (raw, grown in place by APPEND/SETRANGE).
 */
public final class StringValue {
  /** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
  public static final int EMBSTR_LIMIT = 44;

  private StringValue() {}

  public static boolean isString(Object v) {
    return v instanceof byte[] || v instanceof Long || v instanceof StringBuilderValue;
  }

  /** The value to store for bytes written by SET and friends: an integer when Redis would make one. */
  public static Object of(byte[] b) {
    if (b.length > 0 && b.length <= 20 && RedisNumbers.isLong(b, 0, b.length)) {
      return RedisNumbers.parseLong(b, 0, b.length);
    }
    return b;
  }

  public static byte[] bytes(Object v) {
    if (v instanceof byte[] b) return b;
    if (v instanceof Long l) return RedisNumbers.longToBytes(l);
    return ((StringBuilderValue) v).toBytes();
  }

  public static int length(Object v) {
    if (v instanceof byte[] b) return b.length;
    if (v instanceof Long l) return RedisNumbers.digits(l);
    return ((StringBuilderValue) v).length();
  }

  public static String encoding(Object v) {
    if (v instanceof Long) return "int";
    if (v instanceof byte[] b) return b.length <= EMBSTR_LIMIT ? "embstr" : "raw";
    return "raw";
  }
}
