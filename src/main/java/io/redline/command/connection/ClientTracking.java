package io.redline.command.connection;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import io.redline.server.ClientConnection;
import io.redline.server.Tracking;
import io.redline.util.RedisNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX prefix ...] [BCAST] [OPTIN] [OPTOUT] [NOLOOP],
 * with Redis 7.0's checks and texts (docs/tracking.md). Turning it on again keeps the mode (BCAST
 * or not may not change) and adds the new prefixes to the old.
 */
public final class ClientTracking implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    ClientConnection client = ctx.client();
    boolean on;
    if (a.is(2, "ON")) on = true;
    else if (a.is(2, "OFF")) on = false;
    else {
      ctx.error(Errors.SYNTAX);
      return;
    }
    boolean bcast = false, optIn = false, optOut = false, noLoop = false;
    long redirect = 0;
    List<byte[]> prefixes = new ArrayList<>();
    for (int i = 3; i < ctx.argc(); i++) {
      boolean more = i + 1 < ctx.argc();
      if (a.is(i, "REDIRECT") && more) {
        i++;
        try {
          redirect = RedisNumbers.parseLong(a.buffer(), a.offset(i), a.length(i));
        } catch (NumberFormatException e) {
          ctx.error(Errors.NOT_INTEGER);
          return;
        }
        if (ctx.server.clients().get(redirect) == null) {
          ctx.error("ERR The client ID you want redirect to does not exist");
          return;
        }
      } else if (a.is(i, "BCAST")) {
        bcast = true;
      } else if (a.is(i, "OPTIN")) {
        optIn = true;
      } else if (a.is(i, "OPTOUT")) {
        optOut = true;
      } else if (a.is(i, "NOLOOP")) {
        noLoop = true;
      } else if (a.is(i, "PREFIX") && more) {
        prefixes.add(a.bytes(++i));
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    if (!on) {
      if (client.tracking() != null) client.tracking(null);
      ctx.reply.ok();
      return;
    }
    Tracking old = client.tracking();
    if (!bcast && !prefixes.isEmpty()) {
      ctx.error("ERR PREFIX option requires BCAST mode to be enabled");
      return;
    }
    if (old != null && old.bcast() != bcast) {
      ctx.error("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.");
      return;
    }
    if (optIn && optOut) {
      ctx.error("ERR You can't specify both OPTIN mode and OPTOUT mode");
      return;
    }
    if ((optIn || optOut) && bcast) {
      ctx.error("ERR OPTIN and OPTOUT are not compatible with BCAST");
      return;
    }
    if (old != null && ((optIn && old.optOut()) || (optOut && old.optIn()))) {
      ctx.error("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.");
      return;
    }
    List<byte[]> existing = old == null ? List.of() : old.prefixes();
    for (int i = 0; i < prefixes.size(); i++) { // Redis's checkPrefixCollisionsOrReply, in its order
      byte[] p = prefixes.get(i);
      for (byte[] q : existing) {
        if (overlap(p, q)) {
          ctx.error("ERR Prefix '" + text(p) + "' overlaps with an existing prefix '" + text(q) + "'. " + NO_OVERLAP);
          return;
        }
      }
      for (int j = i + 1; j < prefixes.size(); j++) {
        if (overlap(p, prefixes.get(j))) {
          ctx.error("ERR Prefix '" + text(p) + "' overlaps with another provided prefix '" + text(prefixes.get(j)) + "'. " + NO_OVERLAP);
          return;
        }
      }
    }
    List<byte[]> all = new ArrayList<>(existing);
    all.addAll(prefixes);
    client.tracking(new Tracking(bcast, optIn, optOut, noLoop, redirect, all));
    ctx.reply.ok();
  }

  private static final String NO_OVERLAP = "Prefixes for a single client must not overlap.";

  private static boolean overlap(byte[] a, byte[] b) { return Tracking.startsWith(a, b) || Tracking.startsWith(b, a); }

  private static String text(byte[] b) { return new String(b, java.nio.charset.StandardCharsets.UTF_8); }
}
