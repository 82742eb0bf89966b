package io.redline.command;

import io.redline.store.StringValue;

/** TYPE's answer for a stored value; data-type families add their value classes here. */
public final class TypeNames {
  private TypeNames() {}

  public static String of(Object value) {
    if (StringValue.isString(value)) return "string";
    return "none";
  }
}
