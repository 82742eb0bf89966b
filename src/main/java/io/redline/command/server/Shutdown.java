package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import java.util.logging.Logger;

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]. Redline has no persistence yet: with nothing to
 * save the server exits at once; SAVE fails as a failed save does in Redis, unless FORCE says to
 * exit regardless. No shutdown ever waits (no replicas), so ABORT has nothing to abort.
 */
public final class Shutdown implements CommandHandler {
  private static final Logger LOG = Logger.getLogger("redline");

  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    boolean save = false;
    boolean noSave = false;
    boolean force = false;
    boolean abort = false;
    for (int i = 1; i < ctx.argc(); i++) {
      if (a.is(i, "NOSAVE")) noSave = true;
      else if (a.is(i, "SAVE")) save = true;
      else if (a.is(i, "NOW")) continue; // there are no replicas to wait for: always now
      else if (a.is(i, "FORCE")) force = true;
      else if (a.is(i, "ABORT")) abort = true;
      else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    }
    if ((abort && ctx.argc() > 2) || (save && noSave)) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    if (abort) {
      ctx.error("ERR No shutdown in progress.");
      return;
    }
    if (save) {
      LOG.warning("SHUTDOWN SAVE: Redline cannot save a snapshot (no persistence)" + (force ? "; exiting anyway (FORCE)" : ""));
      if (!force) {
        ctx.error("ERR Errors trying to SHUTDOWN. Check logs.");
        return;
      }
    }
    LOG.info("User requested shutdown...");
    ctx.server.shutdown(); // the process exits; like Redis, no reply is sent
  }
}
