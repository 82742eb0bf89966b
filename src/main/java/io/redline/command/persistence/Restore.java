package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.persist.DumpPayload;
import io.redline.persist.RdbFormatException;
import io.redline.protocol.Args;
import io.redline.shard.Keyspace;
import io.redline.store.Entry;
import io.redline.util.RedisNumbers;

/**
 * RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency], checking in
 * Redis's order (options, existing key, TTL, payload version and checksum, payload contents).
 * The payload is decoded whole and validated before anything changes, so a corrupt one leaves
 * the keyspace as it was and answers "ERR Bad data format".
 */
public final class Restore implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    boolean replace = false;
    boolean absTtl = false;
    long idle = -1;
    long freq = -1;
    for (int j = 4; j < a.size(); j++) {
      boolean more = j + 1 < a.size();
      if (a.is(j, "REPLACE")) {
        replace = true;
      } else if (a.is(j, "ABSTTL")) {
        absTtl = true;
      } else if (a.is(j, "IDLETIME") && more && freq == -1) {
        Long v = number(ctx, ++j);
        if (v == null) return;
        if (v < 0) {
          ctx.error("ERR Invalid IDLETIME value, must be >= 0");
          return;
        }
        idle = v;
      } else if (a.is(j, "FREQ") && more && idle == -1) {
        Long v = number(ctx, ++j);
        if (v == null) return;
        if (v < 0 || v > 255) {
          ctx.error("ERR Invalid FREQ value, must be >= 0 and <= 255");
          return;
        }
        freq = v;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    Keyspace db = ctx.db();
    Entry existing = ctx.lookupWrite(1);
    if (!replace && existing != null) {
      ctx.error("BUSYKEY Target key name already exists.");
      return;
    }
    Long ttl = number(ctx, 2);
    if (ttl == null) return;
    if (ttl < 0) {
      ctx.error("ERR Invalid TTL value, must be >= 0");
      return;
    }
    byte[] payload = a.bytes(3);
    if (!DumpPayload.verify(payload)) {
      ctx.error("ERR DUMP payload version or checksum are wrong");
      return;
    }
    Object value;
    try {
      value = DumpPayload.decode(payload, ctx.server.persistence().restoreDecoder());
    } catch (RdbFormatException e) {
      ctx.error("ERR Bad data format");
      return;
    }
    boolean deleted = false;
    if (replace && existing != null) {
      db.delete(existing);
      deleted = true;
    }
    long expireAt = ttl;
    if (ttl != 0 && !absTtl) expireAt = ttl > Long.MAX_VALUE - ctx.now ? Long.MAX_VALUE : ttl + ctx.now;
    if (ttl != 0 && expireAt <= ctx.now) {
      // Already expired: like Redis, nothing is stored (the replaced key is just deleted).
      if (deleted) {
        ctx.keyEvent(KeyEvent.DEL, 1);
        ctx.dirty(1);
        ctx.propagateAs("DEL".getBytes(java.nio.charset.StandardCharsets.US_ASCII), a.bytes(1)); // as Redis logs it
      }
      ctx.reply.ok();
      return;
    }
    Entry e = db.add(a.bytes(1), value);
    if (ttl != 0) db.setExpire(e, expireAt);
    // IDLETIME sets the LRU clock; FREQ would set an LFU counter, which Redline does not keep
    // (no LFU maxmemory policy), and Redis ignores it too unless an LFU policy is selected.
    if (idle >= 0) e.touch(io.redline.memory.Lfu.lruIdleFor(idle)); // the LRU clock ticks 64 times a second
    ctx.keyEvent(KeyEvent.RESTORE, 1);
    ctx.dirty(1);
    if (ttl != 0 && !absTtl) {
      // Logged with the absolute time and ABSTTL, as Redis rewrites it, so a replay keeps the TTL.
      byte[][] effect = new byte[a.size() + 1][];
      for (int i = 0; i < a.size(); i++) effect[i] = a.bytes(i);
      effect[2] = Long.toString(expireAt).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      effect[a.size()] = "ABSTTL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      ctx.propagateAs(effect);
    }
    ctx.reply.ok();
  }

  private static Long number(CommandContext ctx, int i) {
    Args a = ctx.args;
    if (!RedisNumbers.isLong(a.buffer(), a.offset(i), a.length(i))) {
      ctx.error(Errors.NOT_INTEGER);
      return null;
    }
    return RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i));
  }
}
