package io.redline.modules.streams.commands;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.util.RedisNumbers;

/**
 * XREAD [COUNT n] [BLOCK ms] STREAMS key ... id ... and XREADGROUP GROUP g c [COUNT n] [BLOCK ms]
 * [NOACK] STREAMS key ... id ...: the options, read in Redis 7.0's order with its error texts.
 */
final class ReadArgs {
  /** Served parked readers without COUNT get at most this many entries (XREAD_BLOCKED_DEFAULT_COUNT). */
  static final long BLOCKED_DEFAULT_COUNT = 1000;

  long timeout = -1; // ms, 0 = forever; -1: no BLOCK
  long count;
  boolean noAck;
  int groupArg = -1; // the group name's index; the consumer's follows it
  int firstKey;
  int streams;

  int keyArg(int i) { return firstKey + i; }
  int idArg(int i) { return firstKey + streams + i; }

  /** Null after an error reply. */
  static ReadArgs parse(CommandContext ctx, boolean group) {
    return parse(ctx.args, group, ctx.fromScript(), ctx::error);
  }

  /** The options of a parked command's arguments, which parsed once already. */
  static ReadArgs parsed(Args a) {
    return parse(a, a.is(0, "XREADGROUP"), false, message -> { throw new IllegalStateException(message); });
  }

  private static ReadArgs parse(Args a, boolean group, boolean fromScript, java.util.function.Consumer<String> error) {
    ReadArgs r = new ReadArgs();
    for (int i = 1; i < a.size(); i++) {
      int more = a.size() - i - 1;
      if (a.is(i, "BLOCK") && more > 0) {
        if (fromScript) {
          error.accept("ERR " + a.cString(0) + " command is not allowed with BLOCK option from scripts");
          return null;
        }
        i++;
        if (!RedisNumbers.isLong(a.buffer(), a.offset(i), a.length(i))) {
          error.accept("ERR timeout is not an integer or out of range");
          return null;
        }
        long t = RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i));
        if (t < 0) {
          error.accept("ERR timeout is negative");
          return null;
        }
        r.timeout = t;
      } else if (a.is(i, "COUNT") && more > 0) {
        i++;
        if (!RedisNumbers.isLong(a.buffer(), a.offset(i), a.length(i))) {
          error.accept(Errors.NOT_INTEGER);
          return null;
        }
        r.count = Math.max(RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i)), 0);
      } else if (a.is(i, "STREAMS") && more > 0) {
        r.firstKey = i + 1;
        int n = a.size() - r.firstKey;
        if (n % 2 != 0) {
          error.accept("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
          return null;
        }
        r.streams = n / 2;
        break;
      } else if (a.is(i, "GROUP") && more >= 2) {
        if (!group) {
          error.accept("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
          return null;
        }
        r.groupArg = i + 1;
        i += 2;
      } else if (a.is(i, "NOACK")) {
        if (!group) {
          error.accept("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
          return null;
        }
        r.noAck = true;
      } else {
        error.accept(Errors.SYNTAX);
        return null;
      }
    }
    if (r.firstKey == 0) {
      error.accept(Errors.SYNTAX);
      return null;
    }
    if (group && r.groupArg < 0) {
      error.accept("ERR Missing GROUP option for XREADGROUP");
      return null;
    }
    return r;
  }

  /** The index of the first stream named {@code key}, or -1 (a parked reader waits once per key). */
  int indexOf(Args a, byte[] key) {
    for (int i = 0; i < streams; i++) if (a.equals(keyArg(i), key)) return i;
    return -1;
  }

  /** Writes the top level of a read reply: RESP2 an array of [key, entries] pairs, RESP3 a map. */
  static void header(ReplyWriter reply, int streams) {
    if (reply.isResp3()) reply.map(streams);
    else reply.array(streams);
  }

  /** One stream's key before its entries. */
  static void streamKey(ReplyWriter reply, Args a, int keyArg) {
    if (!reply.isResp3()) reply.array(2);
    reply.bulk(a.buffer(), a.offset(keyArg), a.length(keyArg));
  }
}
