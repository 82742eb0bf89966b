package io.redline.persist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The modules' {@link ValueCodec}s (RedlineModule#valueCodecs), by the RDB type ids they read. Loaded once. */
public final class ValueCodecs {
  private static final List<ValueCodec> ALL = new ArrayList<>();
  private static final Map<Integer, ValueCodec> BY_TYPE = new HashMap<>();

  static {
    for (io.redline.module.RedlineModule m : io.redline.module.Modules.available(ValueCodecs.class.getClassLoader())) {
      m.valueCodecs().forEach(ValueCodecs::add);
    }
  }

  private ValueCodecs() {}

  private static void add(ValueCodec c) {
    for (int t : c.readTypes()) {
      if (!RdbTypes.isValueType(t)) throw new IllegalStateException(c.getClass().getName() + " claims RDB type " + t + ", which is no value type");
      ValueCodec before = BY_TYPE.putIfAbsent(t, c);
      if (before != null) throw new IllegalStateException("RDB type " + t + " claimed by both " + before.getClass().getName() + " and " + c.getClass().getName());
    }
    ALL.add(c);
  }

  /** The codec that reads RDB type {@code type}, or null. */
  static ValueCodec reading(int type) { return BY_TYPE.get(type); }

  /** The codec that writes {@code value}, or null. */
  static ValueCodec writing(Object value) {
    for (ValueCodec c : ALL) if (c.writes(value)) return c;
    return null;
  }
}
