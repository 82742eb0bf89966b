package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.CommandSpec;
import io.redline.command.IntList;
import io.redline.protocol.Args;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** COMMAND GETKEYS command [arg ...]: the key arguments, found by the command's key specs. */
public final class CommandGetKeys implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    Args line = ctx.args.tail(2);
    CommandSpec spec = ServedCommands.forCommandLine(ctx.server.commands(), line);
    if (spec == null) {
      ctx.error("ERR Invalid command specified");
      return;
    }
    if (!hasKeys(spec)) {
      ctx.error("ERR The command has no key arguments");
      return;
    }
    if (!spec.arityOk(line.size())) {
      ctx.error("ERR Invalid number of arguments specified for command");
      return;
    }
    IntList keys = new IntList();
    spec.keyPositions(line, keys);
    if (keys.size() == 0 && !spec.hasFlag("no_mandatory_keys")) {
      ctx.error("ERR Invalid arguments specified for command");
      return;
    }
    ctx.reply.array(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      int p = keys.get(i);
      ctx.reply.bulk(line.buffer(), line.offset(p), line.length(p));
    }
  }

  /** A command has keys when some key spec names real keys (not only NOT_KEY arguments). */
  private static boolean hasKeys(CommandSpec spec) {
    JsonArray specs = spec.declaration().getJsonArray("key_specs");
    if (specs == null) return false;
    for (int i = 0; i < specs.size(); i++) {
      JsonObject ks = specs.getJsonObject(i);
      JsonArray flags = ks.getJsonArray("flags");
      if (flags == null || !flags.contains("not_key")) return true;
    }
    return false;
  }
}
