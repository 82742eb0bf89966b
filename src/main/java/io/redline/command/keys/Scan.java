package io.redline.command.keys;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.command.TypeNames;
import io.redline.protocol.Args;
import io.redline.shard.Shard;
import io.redline.store.Database;
import io.redline.store.Entry;
import io.redline.util.Glob;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. Runs on the one shard its cursor names
 * (see {@link ScanCursor}) and walks that shard's table with {@link Database#scanStep}, which keeps
 * Redis's guarantee per shard; shards are visited one after another, so a key present for the
 * whole scan is returned. A call never crosses into the next shard: it may return fewer keys than
 * COUNT (even none) with a non-zero cursor, which the SCAN contract allows.
 */
public final class Scan implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long[] parsed = new long[1];
    if (!ScanCursor.parse(a, 1, parsed)) {
      ctx.error("ERR invalid cursor");
      return;
    }
    long count = 10;
    byte[] pattern = null;
    String type = null;
    for (int i = 2; i < a.size(); i++) {
      boolean hasValue = i + 1 < a.size();
      if (a.is(i, "COUNT") && hasValue) {
        try {
          count = RedisNumbers.parseLong(a.buffer(), a.offset(i + 1), a.length(i + 1));
        } catch (NumberFormatException e) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        if (count < 1) {
          ctx.error(Errors.SYNTAX);
          return;
        }
        i++;
      } else if (a.is(i, "MATCH") && hasValue) {
        pattern = a.bytes(++i);
        if (pattern.length == 1 && pattern[0] == '*') pattern = null; // matches all, the empty key too
      } else if (a.is(i, "TYPE") && hasValue) {
        type = a.string(++i);
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }

    long cursor = parsed[0];
    int shards = ctx.server.router().shardCount();
    if (ScanCursor.shard(cursor) >= shards) { // not a cursor this server hands out: the scan is over
      reply(ctx, 0, List.of());
      return;
    }
    int shardIndex = (int) ScanCursor.shard(cursor);
    Shard shard = ctx.scope().shard(shardIndex);
    if (shard == null) throw new IllegalStateException("SCAN ran on a shard its cursor does not name");
    Database db = shard.database(ctx.dbIndex());

    List<Entry> seen = new ArrayList<>();
    long position = ScanCursor.position(cursor);
    long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10; // empty buckets are cheap, not free
    do {
      position = db.scanStep(position, seen::add);
    } while (position != 0 && budget-- > 0 && seen.size() < count);

    // Filter after the walk: expiring a key changes the table, which the walk must not see.
    List<byte[]> keys = new ArrayList<>(seen.size());
    for (Entry e : seen) {
      byte[] k = e.key();
      if (pattern != null && !Glob.match(pattern, k)) continue;
      Entry live = type != null ? db.lookupRead(k, 0, k.length, ctx.now) : db.lookup(k, ctx.now);
      if (live == null) continue; // expired: now deleted
      if (type != null && !type.equalsIgnoreCase(TypeNames.of(live.value()))) continue;
      keys.add(k);
    }

    long next;
    if (position != 0) next = ScanCursor.of(shardIndex, position);
    else next = shardIndex + 1 < shards ? ScanCursor.of(shardIndex + 1, 0) : 0;
    reply(ctx, next, keys);
  }

  private static void reply(CommandContext ctx, long cursor, List<byte[]> keys) {
    ctx.reply.array(2);
    ctx.reply.bulk(Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII));
    ctx.reply.array(keys.size());
    for (byte[] k : keys) ctx.reply.bulk(k);
  }
}
