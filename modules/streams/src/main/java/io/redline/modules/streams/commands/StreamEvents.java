package io.redline.modules.streams.commands;

import io.redline.notify.KeyEvent;
import io.redline.notify.NotifyFlags;

/** The stream keyspace events (class 't') Redis 7.0 fires, by name. */
final class StreamEvents {
  private StreamEvents() {}

  static final KeyEvent XADD = KeyEvent.of(NotifyFlags.STREAM, "xadd");
  static final KeyEvent XTRIM = KeyEvent.of(NotifyFlags.STREAM, "xtrim");
  static final KeyEvent XDEL = KeyEvent.of(NotifyFlags.STREAM, "xdel");
  static final KeyEvent XSETID = KeyEvent.of(NotifyFlags.STREAM, "xsetid");
  static final KeyEvent XGROUP_CREATE = KeyEvent.of(NotifyFlags.STREAM, "xgroup-create");
  static final KeyEvent XGROUP_SETID = KeyEvent.of(NotifyFlags.STREAM, "xgroup-setid");
  static final KeyEvent XGROUP_DESTROY = KeyEvent.of(NotifyFlags.STREAM, "xgroup-destroy");
  static final KeyEvent XGROUP_CREATECONSUMER = KeyEvent.of(NotifyFlags.STREAM, "xgroup-createconsumer");
  static final KeyEvent XGROUP_DELCONSUMER = KeyEvent.of(NotifyFlags.STREAM, "xgroup-delconsumer");
}
