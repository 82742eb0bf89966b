package io.redline.command.connection;

import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.Tracking;

/** CLIENT CACHING, CLIENT GETREDIR and CLIENT TRACKINGINFO: the rest of CLIENT TRACKING's family. */
final class ClientTrackingQueries {
  private ClientTrackingQueries() {}

  /** CLIENT CACHING YES|NO: under OPTIN / OPTOUT, whether the next command's reads are remembered. */
  static CommandHandler caching() {
    return ctx -> {
      Tracking t = ctx.client().tracking();
      if (t == null || !(t.optIn() || t.optOut())) {
        ctx.error("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled");
        return;
      }
      if (ctx.args.is(2, "YES")) {
        if (!t.optIn()) {
          ctx.error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
          return;
        }
        t.arm(Tracking.CACHING_YES);
      } else if (ctx.args.is(2, "NO")) {
        if (!t.optOut()) {
          ctx.error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
          return;
        }
        t.arm(Tracking.CACHING_NO);
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
      ctx.reply.ok();
    };
  }

  /** CLIENT GETREDIR: -1 with tracking off, else the redirect client's id (0: none). */
  static CommandHandler getRedir() {
    return ctx -> {
      Tracking t = ctx.client().tracking();
      ctx.reply.integer(t == null ? -1 : t.redirect());
    };
  }

  /** CLIENT TRACKINGINFO: flags, redirect, prefixes. */
  static CommandHandler info() {
    return ctx -> {
      Tracking t = ctx.client().tracking();
      ctx.reply.map(3);
      ctx.reply.bulk("flags");
      java.util.List<String> flags = t == null ? java.util.List.of("off") : t.flags();
      ctx.reply.set(flags.size());
      for (String f : flags) ctx.reply.bulk(f);
      ctx.reply.bulk("redirect");
      ctx.reply.integer(t == null ? -1 : t.redirect());
      ctx.reply.bulk("prefixes");
      java.util.List<String> prefixes = t == null ? java.util.List.of() : t.prefixTexts();
      ctx.reply.array(prefixes.size());
      for (String p : prefixes) ctx.reply.bulk(p);
    };
  }
}
