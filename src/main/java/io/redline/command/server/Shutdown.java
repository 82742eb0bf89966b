package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.Errors;
import java.util.logging.Logger;

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]. As in Redis, the dataset is saved first when SAVE
 * is given or save points are configured (and NOSAVE is not): a background save in progress is
 * stopped and a synchronous one made, on a thread of its own (it needs every shard, which this
 * loop must not wait for). If the save cannot be made the server stays up, unless FORCE. No
 * shutdown waits for replicas (there are none), so ABORT has nothing to abort.
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
    io.redline.persist.Persistence p = ctx.server.persistence();
    boolean saveFirst = !noSave && (save || p.savePointsConfigured());
    if (saveFirst) {
      String busy = ctx.server.busy().rejection(ctx.server.config().getLong("busy-reply-threshold"));
      if (busy != null) { // a script holds the shards: only SHUTDOWN NOSAVE may end it, as in Redis
        ctx.error(busy);
        return;
      }
      String problem = p.checkWritable();
      if (problem != null) {
        LOG.warning("Error trying to save the DB, can't exit. " + problem);
        if (!force) {
          ctx.error("ERR Errors trying to SHUTDOWN. Check logs.");
          return;
        }
        saveFirst = false;
      }
    }
    LOG.info("User requested shutdown...");
    if (!saveFirst) {
      ctx.server.shutdown(); // the process exits; like Redis, no reply is sent
      return;
    }
    var client = ctx.client();
    boolean exitAnyway = force;
    Thread t = new Thread(() -> {
      if (p.saveBeforeExit() || exitAnyway) {
        ctx.server.shutdown();
      } else {
        // The save failed after all (disk full mid-write): stay up, as Redis does. The reply
        // cannot be written from this thread, so the connection is closed instead of left waiting.
        LOG.warning("Errors trying to SHUTDOWN. Check logs.");
        if (client != null) client.kill();
      }
    }, "redline-shutdown-save");
    t.start();
  }
}
