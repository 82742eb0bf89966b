package io.redline.command;

import io.redline.store.RedisValue;
import io.redline.store.StringValue;

/** TYPE and OBJECT ENCODING answers for any stored value. */
public final class TypeNames {
  private TypeNames() {}

  public static String of(Object value) {
    if (StringValue.isString(value)) return "string";
    if (value instanceof RedisValue v) return v.typeName();
    return "none";
  }

  public static String encoding(Object value) {
    if (StringValue.isString(value)) return StringValue.encoding(value);
    return ((RedisValue) value).encoding();
  }
}
