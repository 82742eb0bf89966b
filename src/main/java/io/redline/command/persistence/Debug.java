package io.redline.command.persistence;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.persist.Persistence;
import io.redline.shard.Shard;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * DEBUG, of which Redline serves RELOAD [MERGE] [NOFLUSH] [NOSAVE] (save, flush, load back: the
 * round trip tests rely on) and HELP. Any other subcommand answers as an unknown one does in
 * Redis, rather than pretend. Guarded by enable-debug-command exactly as in Redis 7.0: "no" (the
 * default) refuses it, "local" allows loopback clients only.
 */
public final class Debug implements CommandHandler {
  private static final Logger LOG = Logger.getLogger("redline");
  private static final String NOT_ALLOWED = "ERR DEBUG command not allowed. If the enable-debug-command option is set to "
      + "\"local\", you can run it from a local connection, otherwise you need to set this option in the configuration "
      + "file, and then restart the server.";

  @Override
  public void execute(CommandContext ctx) {
    if (!allowed(ctx)) {
      ctx.error(NOT_ALLOWED);
      return;
    }
    if (ctx.args.is(1, "RELOAD")) {
      reload(ctx);
    } else if (ctx.args.is(1, "HELP") && ctx.argc() == 2) {
      ctx.reply.array(5);
      ctx.reply.simple("DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
      ctx.reply.simple("RELOAD [MERGE] [NOFLUSH] [NOSAVE]");
      ctx.reply.simple("    Save the RDB on disk and reload it back to memory. Options: MERGE replaces keys already in");
      ctx.reply.simple("    memory instead of failing, NOFLUSH keeps the current dataset, NOSAVE loads the existing file.");
      ctx.reply.simple("HELP");
    } else {
      io.redline.command.Errors.subcommandSyntax(ctx);
    }
  }

  /** Redis's allowProtectedAction: "yes", or "local" and a loopback client. */
  private static boolean allowed(CommandContext ctx) {
    String mode = ctx.server.config().get("enable-debug-command");
    if ("yes".equals(mode)) return true;
    if (!"local".equals(mode) || ctx.client() == null) return false;
    String addr = ctx.client().address(); // host:port
    int colon = addr == null ? -1 : addr.lastIndexOf(':');
    if (colon < 0) return false;
    String host = addr.substring(0, colon);
    return host.startsWith("127.") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("[::1]");
  }

  private static void reload(CommandContext ctx) {
    boolean merge = false, flush = true, save = true;
    for (int j = 2; j < ctx.argc(); j++) {
      if (ctx.args.is(j, "MERGE")) merge = true;
      else if (ctx.args.is(j, "NOFLUSH")) flush = false;
      else if (ctx.args.is(j, "NOSAVE")) save = false;
      else {
        ctx.error("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
        return;
      }
    }
    Persistence p = ctx.server.persistence();
    if (p.bgsaveInProgress()) {
      ctx.error("ERR Background save already in progress");
      return;
    }
    Shard[] shards = HeldShards.all(ctx);
    if (save) {
      try {
        p.saveNow(shards);
      } catch (IOException e) {
        ctx.error("ERR");
        return;
      }
    }
    if (flush) {
      for (Shard s : shards) for (int db = 0; db < s.databaseCount(); db++) s.database(db).clear();
      p.clearAux();
    }
    try {
      p.load(shards, merge);
    } catch (IOException | RuntimeException e) {
      // Redis exits on a damaged file here; an error reply is kinder and keeps what loaded.
      LOG.warning("DEBUG RELOAD failed to load the RDB file: " + e.getMessage());
      ctx.error("ERR Error trying to load the RDB dump");
      return;
    }
    LOG.warning("DB reloaded by DEBUG RELOAD");
    ctx.reply.ok();
  }
}
