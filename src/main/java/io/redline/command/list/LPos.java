package io.redline.command.list;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.command.IntList;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.list.ListValue;
import java.util.Arrays;

/**
 * LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]: the index of matching elements.
 * RANK picks the n-th match (negative: searching from the tail), COUNT asks for an array of up to
 * that many matches (0: all), MAXLEN bounds how many elements are compared.
 */
public final class LPos implements CommandHandler {
  private static final String RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, "
      + "2 from the second ... or use negative to start from the end of the list";

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    long rank = 1;
    long count = -1;
    long maxlen = 0;
    for (int j = 3; j < a.size(); j++) {
      boolean moreArgs = j + 1 < a.size();
      if (moreArgs && a.is(j, "RANK")) {
        j++;
        try {
          rank = ListWrites.longArg(a, j);
        } catch (NumberFormatException ex) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        if (rank == 0) {
          ctx.error(RANK_ZERO);
          return;
        }
      } else if (moreArgs && a.is(j, "COUNT")) {
        count = nonNegative(a, ++j);
        if (count < 0) {
          ctx.error("ERR COUNT can't be negative");
          return;
        }
      } else if (moreArgs && a.is(j, "MAXLEN")) {
        maxlen = nonNegative(a, ++j);
        if (maxlen < 0) {
          ctx.error("ERR MAXLEN can't be negative");
          return;
        }
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    Entry e = ctx.lookupRead(1);
    if (e == null) {
      if (count != -1) ctx.reply.emptyArray();
      else ctx.reply.nullBulk();
      return;
    }
    if (!ListWrites.isList(e)) {
      ctx.error(Errors.WRONGTYPE);
      return;
    }
    ListValue list = (ListValue) e.value();
    int len = list.size();
    boolean fromTail = rank < 0;
    // Negating Long.MIN_VALUE leaves it negative; like Redis 7.0, every match then qualifies.
    long wanted = fromTail ? -rank : rank;
    long limit = count;
    long bound = maxlen;
    byte[] eb = a.buffer();
    int eoff = a.offset(2);
    int elen = a.length(2);
    IntList found = new IntList();
    long[] state = new long[2]; // compared so far, matches so far
    list.scan(fromTail ? len - 1 : 0, !fromTail, (i, b, off, n) -> {
      if (bound != 0 && state[0] >= bound) return false;
      state[0]++;
      if (!Arrays.equals(b, off, off + n, eb, eoff, eoff + elen)) return true;
      long matches = ++state[1];
      if (matches < wanted) return true;
      found.add(i);
      if (limit == -1) return false;
      return limit == 0 || matches - wanted + 1 < limit;
    });
    if (count == -1) {
      if (found.size() == 0) ctx.reply.nullBulk();
      else ctx.reply.integer(found.get(0));
      return;
    }
    ctx.reply.array(found.size());
    for (int k = 0; k < found.size(); k++) ctx.reply.integer(found.get(k));
  }

  /** A COUNT or MAXLEN value: -1 for anything that is not an integer >= 0 (one error text covers both). */
  private static long nonNegative(Args a, int i) {
    try {
      long v = ListWrites.longArg(a, i);
      return v < 0 ? -1 : v;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }
}
