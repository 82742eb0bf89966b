package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.geo.GeoCells;
import io.redline.modules.geo.GeoFormat;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.store.Entry;
import io.redline.store.zset.ZSetValue;
import io.redline.util.RedisNumbers;
import java.nio.charset.StandardCharsets;

/**
 * Argument parsing and replies the geo commands share, each failing with the reply Redis 7.0
 * sends (so a caller that gets NaN or null just returns).
 */
final class GeoArgs {
  static final String BAD_UNIT = "ERR unsupported unit provided. please use M, KM, FT, MI";
  static final String NO_MEMBER = "ERR could not decode requested zset member";
  private static final byte[] CRLF = {'\r', '\n'};

  private GeoArgs() {}

  /** Argument i as a float (Redis's string2d), or NaN after replying {@code error}. */
  static double parseDouble(CommandContext ctx, int i, String error) {
    Args a = ctx.args;
    double d = RedisNumbers.parseDoubleOrNaN(a.buffer(), a.offset(i), a.length(i));
    if (d != d) ctx.error(error);
    return d;
  }

  /**
   * Longitude at argument i and latitude at i + 1 into {@code xy}; false after replying
   * "value is not a valid float" or "invalid longitude,latitude pair".
   */
  static boolean lonLat(CommandContext ctx, int i, double[] xy) {
    for (int k = 0; k < 2; k++) {
      xy[k] = parseDouble(ctx, i + k, Errors.NOT_FLOAT);
      if (xy[k] != xy[k]) return false;
    }
    if (xy[0] < GeoCells.LON_MIN || xy[0] > GeoCells.LON_MAX || xy[1] < GeoCells.LAT_MIN || xy[1] > GeoCells.LAT_MAX) {
      ctx.error("ERR invalid longitude,latitude pair " + GeoFormat.printfF(xy[0]) + "," + GeoFormat.printfF(xy[1]));
      return false;
    }
    return true;
  }

  /** Meters per unit named at argument i (m, km, ft, mi in any case), or -1 after replying. */
  static double unit(CommandContext ctx, int i) {
    Args a = ctx.args;
    if (a.is(i, "m")) return 1;
    if (a.is(i, "km")) return 1000;
    if (a.is(i, "ft")) return 0.3048;
    if (a.is(i, "mi")) return 1609.34;
    ctx.error(BAD_UNIT);
    return -1;
  }

  /** True (after replying) when the entry exists and is not a sorted set. */
  static boolean wrongType(CommandContext ctx, Entry e) {
    if (e != null && !(e.value() instanceof ZSetValue)) {
      ctx.error(Errors.WRONGTYPE);
      return true;
    }
    return false;
  }

  /** The score of the member at argument i, NaN when absent. */
  static double score(ZSetValue z, Args a, int i) {
    return z.score(a.buffer(), a.offset(i), a.length(i));
  }

  /**
   * A coordinate as Redis's addReplyHumanLongDouble sends it: a bulk string in RESP2, a RESP3
   * double carrying the same "%.17Lf" text (not the "%.17g" of other doubles).
   */
  static void coordinate(ReplyWriter r, double d) {
    byte[] text = GeoFormat.coordinate(d);
    if (!r.isResp3()) {
      r.bulk(text);
      return;
    }
    r.buffer().writeByte(',');
    r.buffer().writeBytes(text);
    r.buffer().writeBytes(CRLF);
  }

  /** The raw command name as the client spelled it, for errors that quote it. */
  static String commandName(Args a) { return new String(a.buffer(), a.offset(0), a.length(0), StandardCharsets.ISO_8859_1); }
}
