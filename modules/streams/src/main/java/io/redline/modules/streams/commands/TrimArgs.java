package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.streams.store.StreamId;
import io.redline.modules.streams.store.StreamValue;
import io.redline.protocol.Args;
import io.redline.util.RedisNumbers;

/**
 * The options XADD and XTRIM share — [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT n]] — and,
 * for XADD, the ID that ends them, read in Redis 7.0's order with its error texts
 * (streamParseAddOrTrimArgsOrReply).
 */
final class TrimArgs {
  boolean byMaxlen, byMinId, approx, noMkStream;
  long maxlen, limit;
  StreamId minId;
  /** XADD: the explicit ID (null for "*"), and whether its sequence was given ("ms-*" has none). */
  StreamId id;
  boolean seqGiven = true;
  /** XADD: the index of the ID argument ("*" or explicit); argc when the options ran to the end. */
  int idIndex;

  boolean trims() { return byMaxlen || byMinId; }

  /** Parses from argument 2; null after an error reply. */
  static TrimArgs parse(CommandContext ctx, boolean xadd) {
    Args a = ctx.args;
    TrimArgs t = new TrimArgs();
    boolean limitGiven = false;
    int i = 2;
    for (; i < a.size(); i++) {
      int more = a.size() - 1 - i;
      if (xadd && a.length(i) == 1 && a.buffer()[a.offset(i)] == '*') {
        break;
      } else if ((a.is(i, "MAXLEN") || a.is(i, "MINID")) && more > 0) {
        boolean maxlen = a.is(i, "MAXLEN");
        if (t.trims()) {
          ctx.error("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
          return null;
        }
        t.approx = false;
        if (more >= 2 && a.length(i + 1) == 1 && (a.buffer()[a.offset(i + 1)] == '~' || a.buffer()[a.offset(i + 1)] == '=')) {
          t.approx = a.buffer()[a.offset(i + 1)] == '~';
          i++;
        }
        if (maxlen) {
          Long v = integer(ctx, i + 1);
          if (v == null) return null;
          if (v < 0) {
            ctx.error("ERR The MAXLEN argument must be >= 0.");
            return null;
          }
          t.maxlen = v;
          t.byMaxlen = true;
        } else {
          t.minId = StreamIds.parseOrReply(ctx, i + 1, 0, true);
          if (t.minId == null) return null;
          t.byMinId = true;
        }
        i++;
      } else if (a.is(i, "LIMIT") && more > 0) {
        Long v = integer(ctx, i + 1);
        if (v == null) return null;
        if (v < 0) {
          ctx.error("ERR The LIMIT argument must be >= 0.");
          return null;
        }
        t.limit = v;
        limitGiven = true;
        i++;
      } else if (xadd && a.is(i, "NOMKSTREAM")) {
        t.noMkStream = true;
      } else if (xadd) {
        boolean[] seqGiven = new boolean[1];
        t.id = StreamIds.parse(a, i, 0, true, seqGiven);
        if (t.id == null) {
          ctx.error(StreamIds.INVALID);
          return null;
        }
        t.seqGiven = seqGiven[0];
        break;
      } else {
        ctx.error(Errors.SYNTAX);
        return null;
      }
    }
    t.idIndex = i;
    if (t.limit != 0 && !t.trims()) {
      ctx.error("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
      return null;
    }
    if (!xadd && !t.trims()) {
      ctx.error("ERR syntax error, XTRIM must be called with a trimming strategy");
      return null;
    }
    if (limitGiven) {
      if (!t.approx) {
        ctx.error("ERR syntax error, LIMIT cannot be used without the special ~ option");
        return null;
      }
    } else if (t.approx) {
      // Without LIMIT, approximate trimming does a bounded amount of work per call.
      t.limit = 100 * Streams.nodeMaxEntries(ctx);
      if (t.limit <= 0 || t.limit > 10000) t.limit = 10000;
    } else {
      t.limit = 0;
    }
    return t;
  }

  long trim(StreamValue s) {
    return s.trim(byMaxlen, maxlen, minId, approx, limit);
  }

  /** Redis's getLongLongFromObjectOrReply. */
  static Long integer(CommandContext ctx, int i) {
    Args a = ctx.args;
    if (!RedisNumbers.isLong(a.buffer(), a.offset(i), a.length(i))) {
      ctx.error(Errors.NOT_INTEGER);
      return null;
    }
    return RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i));
  }
}
