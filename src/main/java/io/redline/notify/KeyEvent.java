package io.redline.notify;

import java.nio.charset.StandardCharsets;

/**
 * A keyspace event: its class (a {@link NotifyFlags} bit, which notify-keyspace-events must enable)
 * and its name as Redis 7.0 spells it. The core's events are constants here, so a command that
 * fires one allocates nothing while notifications are off; a module defines its own with
 * {@link #of} (streams: {@code of(NotifyFlags.STREAM, "xadd")}).
 */
public final class KeyEvent {
  // generic (g), and Redis files SORT ... STORE under list (l)
  public static final KeyEvent DEL = of(NotifyFlags.GENERIC, "del");
  public static final KeyEvent EXPIRE = of(NotifyFlags.GENERIC, "expire");
  public static final KeyEvent PERSIST = of(NotifyFlags.GENERIC, "persist");
  public static final KeyEvent RENAME_FROM = of(NotifyFlags.GENERIC, "rename_from");
  public static final KeyEvent RENAME_TO = of(NotifyFlags.GENERIC, "rename_to");
  public static final KeyEvent MOVE_FROM = of(NotifyFlags.GENERIC, "move_from");
  public static final KeyEvent MOVE_TO = of(NotifyFlags.GENERIC, "move_to");
  public static final KeyEvent COPY_TO = of(NotifyFlags.GENERIC, "copy_to");
  public static final KeyEvent RESTORE = of(NotifyFlags.GENERIC, "restore");
  public static final KeyEvent SORTSTORE = of(NotifyFlags.LIST, "sortstore");
  // without a class letter of their own
  public static final KeyEvent NEW = of(NotifyFlags.NEW, "new");
  public static final KeyEvent EXPIRED = of(NotifyFlags.EXPIRED, "expired");
  public static final KeyEvent EVICTED = of(NotifyFlags.EVICTED, "evicted");
  public static final KeyEvent KEYMISS = of(NotifyFlags.KEY_MISS, "keymiss");
  // strings ($), bitmaps and HyperLogLogs included
  public static final KeyEvent SET = of(NotifyFlags.STRING, "set");
  public static final KeyEvent SETRANGE = of(NotifyFlags.STRING, "setrange");
  public static final KeyEvent INCRBY = of(NotifyFlags.STRING, "incrby");
  public static final KeyEvent INCRBYFLOAT = of(NotifyFlags.STRING, "incrbyfloat");
  public static final KeyEvent APPEND = of(NotifyFlags.STRING, "append");
  public static final KeyEvent SETBIT = of(NotifyFlags.STRING, "setbit");
  public static final KeyEvent PFADD = of(NotifyFlags.STRING, "pfadd");
  // lists (l)
  public static final KeyEvent LPUSH = of(NotifyFlags.LIST, "lpush");
  public static final KeyEvent RPUSH = of(NotifyFlags.LIST, "rpush");
  public static final KeyEvent LPOP = of(NotifyFlags.LIST, "lpop");
  public static final KeyEvent RPOP = of(NotifyFlags.LIST, "rpop");
  public static final KeyEvent LINSERT = of(NotifyFlags.LIST, "linsert");
  public static final KeyEvent LSET = of(NotifyFlags.LIST, "lset");
  public static final KeyEvent LTRIM = of(NotifyFlags.LIST, "ltrim");
  public static final KeyEvent LREM = of(NotifyFlags.LIST, "lrem");
  // hashes (h)
  public static final KeyEvent HSET = of(NotifyFlags.HASH, "hset");
  public static final KeyEvent HDEL = of(NotifyFlags.HASH, "hdel");
  public static final KeyEvent HINCRBY = of(NotifyFlags.HASH, "hincrby");
  public static final KeyEvent HINCRBYFLOAT = of(NotifyFlags.HASH, "hincrbyfloat");
  // sets (s)
  public static final KeyEvent SADD = of(NotifyFlags.SET, "sadd");
  public static final KeyEvent SREM = of(NotifyFlags.SET, "srem");
  public static final KeyEvent SPOP = of(NotifyFlags.SET, "spop");
  public static final KeyEvent SINTERSTORE = of(NotifyFlags.SET, "sinterstore");
  public static final KeyEvent SUNIONSTORE = of(NotifyFlags.SET, "sunionstore");
  public static final KeyEvent SDIFFSTORE = of(NotifyFlags.SET, "sdiffstore");
  // sorted sets (z)
  public static final KeyEvent ZADD = of(NotifyFlags.ZSET, "zadd");
  public static final KeyEvent ZINCR = of(NotifyFlags.ZSET, "zincr");
  public static final KeyEvent ZREM = of(NotifyFlags.ZSET, "zrem");
  public static final KeyEvent ZREMRANGEBYSCORE = of(NotifyFlags.ZSET, "zremrangebyscore");
  public static final KeyEvent ZREMRANGEBYRANK = of(NotifyFlags.ZSET, "zremrangebyrank");
  public static final KeyEvent ZREMRANGEBYLEX = of(NotifyFlags.ZSET, "zremrangebylex");
  public static final KeyEvent ZPOPMIN = of(NotifyFlags.ZSET, "zpopmin");
  public static final KeyEvent ZPOPMAX = of(NotifyFlags.ZSET, "zpopmax");
  public static final KeyEvent ZUNIONSTORE = of(NotifyFlags.ZSET, "zunionstore");
  public static final KeyEvent ZINTERSTORE = of(NotifyFlags.ZSET, "zinterstore");
  public static final KeyEvent ZDIFFSTORE = of(NotifyFlags.ZSET, "zdiffstore");
  public static final KeyEvent ZRANGESTORE = of(NotifyFlags.ZSET, "zrangestore");

  private final int type;
  private final String name;
  private final byte[] nameBytes;

  private KeyEvent(int type, String name) {
    this.type = type;
    this.name = name;
    this.nameBytes = name.getBytes(StandardCharsets.US_ASCII);
  }

  /** An event of class {@code type} (one {@link NotifyFlags} bit) named {@code name}. */
  public static KeyEvent of(int type, String name) {
    if (Integer.bitCount(type) != 1 || (type & (NotifyFlags.KEYSPACE | NotifyFlags.KEYEVENT)) != 0) {
      throw new IllegalArgumentException("an event has exactly one class, not K or E: " + type);
    }
    return new KeyEvent(type, name);
  }

  public int type() { return type; }
  public String name() { return name; }

  /** The name's bytes (the keyspace channel's message); callers must not modify them. */
  byte[] nameBytes() { return nameBytes; }

  @Override
  public String toString() { return name; }
}
