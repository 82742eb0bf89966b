package io.redline.command.zset;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.notify.KeyEvent;
import io.redline.protocol.Args;
import io.redline.store.Entry;
import io.redline.store.zset.ScoredList;
import io.redline.store.zset.ZSetValue;

/**
 * ZUNION, ZINTER, ZDIFF numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX]
 * [WITHSCORES]; their STORE forms (destination first, no WITHSCORES); and ZINTERCARD numkeys
 * key [key ...] [LIMIT limit]. Inputs may be sorted sets or sets (score 1). As in Redis, input
 * types are checked before the options are parsed, and ZDIFF takes neither WEIGHTS nor AGGREGATE.
 */
public final class ZSetOp implements CommandHandler {
  private enum Op { UNION, INTER, DIFF }

  private final Op op;
  private final boolean store;
  private final boolean cardinalityOnly;
  private final String name;

  private ZSetOp(Op op, boolean store, boolean cardinalityOnly, String name) {
    this.op = op;
    this.store = store;
    this.cardinalityOnly = cardinalityOnly;
    this.name = name;
  }

  public static ZSetOp zunion() { return new ZSetOp(Op.UNION, false, false, "zunion"); }
  public static ZSetOp zinter() { return new ZSetOp(Op.INTER, false, false, "zinter"); }
  public static ZSetOp zdiff() { return new ZSetOp(Op.DIFF, false, false, "zdiff"); }
  public static ZSetOp zunionstore() { return new ZSetOp(Op.UNION, true, false, "zunionstore"); }
  public static ZSetOp zinterstore() { return new ZSetOp(Op.INTER, true, false, "zinterstore"); }
  public static ZSetOp zdiffstore() { return new ZSetOp(Op.DIFF, true, false, "zdiffstore"); }
  public static ZSetOp zintercard() { return new ZSetOp(Op.INTER, false, true, "zintercard"); }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    int numkeysArg = store ? 2 : 1;
    Long n = ZSets.parseLong(a, numkeysArg);
    if (n == null) {
      ctx.error(Errors.NOT_INTEGER);
      return;
    }
    if (n < 1) {
      ctx.error("ERR at least 1 input key is needed for '" + name + "' command");
      return;
    }
    if (n > a.size() - (numkeysArg + 1)) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    int keys = n.intValue();
    OpInput[] inputs = new OpInput[keys];
    for (int i = 0; i < keys; i++) {
      int k = numkeysArg + 1 + i;
      // Redis 7.0 reads the sources of the STORE forms as the plain ones' (hits, misses, "keymiss").
      Entry e = ctx.lookupRead(k);
      if (e != null && !OpInput.accepts(e.value())) {
        ctx.error(Errors.WRONGTYPE);
        return;
      }
      inputs[i] = new OpInput(e == null ? null : e.value());
    }

    ZSetAlgebra.Aggregate how = ZSetAlgebra.Aggregate.SUM;
    boolean withScores = false;
    long limit = 0;
    boolean weighted = op != Op.DIFF && !cardinalityOnly;
    for (int j = numkeysArg + 1 + keys; j < a.size(); ) {
      int remaining = a.size() - j;
      if (weighted && remaining >= keys + 1 && a.is(j, "weights")) {
        j++;
        for (int i = 0; i < keys; i++, j++) {
          double w = io.redline.util.RedisNumbers.parseDoubleOrNaN(a.buffer(), a.offset(j), a.length(j));
          if (w != w) {
            ctx.error("ERR weight value is not a float");
            return;
          }
          inputs[i].weight = w;
        }
      } else if (weighted && remaining >= 2 && a.is(j, "aggregate")) {
        if (a.is(j + 1, "sum")) how = ZSetAlgebra.Aggregate.SUM;
        else if (a.is(j + 1, "min")) how = ZSetAlgebra.Aggregate.MIN;
        else if (a.is(j + 1, "max")) how = ZSetAlgebra.Aggregate.MAX;
        else {
          ctx.error(Errors.SYNTAX);
          return;
        }
        j += 2;
      } else if (!store && !cardinalityOnly && a.is(j, "withscores")) {
        withScores = true;
        j++;
      } else if (cardinalityOnly && remaining >= 2 && a.is(j, "limit")) {
        Long l = ZSets.parseLong(a, j + 1);
        if (l == null || l < 0) {
          ctx.error("ERR LIMIT can't be negative");
          return;
        }
        limit = l;
        j += 2;
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }

    if (cardinalityOnly) {
      ctx.reply.integer(ZSetAlgebra.interCard(inputs, limit));
      return;
    }
    ScoredList result = switch (op) {
      case UNION -> ZSetAlgebra.union(inputs, how);
      case INTER -> ZSetAlgebra.inter(inputs, how);
      case DIFF -> ZSetAlgebra.diff(inputs);
    };
    if (!store) {
      ZSets.scored(ctx.reply, result, withScores);
    } else if (result.size() == 0) {
      if (ZSets.delete(ctx, 1)) ctx.dirty(1);
      ctx.reply.integer(0);
    } else {
      KeyEvent event = switch (op) {
        case UNION -> KeyEvent.ZUNIONSTORE;
        case INTER -> KeyEvent.ZINTERSTORE;
        case DIFF -> KeyEvent.ZDIFFSTORE;
      };
      ZSets.store(ctx, 1, ZSetValue.fromSorted(result, ZSets.limits(ctx)), event);
      ctx.dirty(1);
      ctx.reply.integer(result.size());
    }
  }
}
