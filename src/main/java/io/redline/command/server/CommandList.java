package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.command.CommandSpec;
import io.redline.command.Errors;
import io.redline.util.Glob;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: names, subcommands included. */
public final class CommandList implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    var a = ctx.args;
    Predicate<CommandSpec> filter = s -> true;
    if (ctx.argc() == 5 && a.is(2, "FILTERBY")) {
      String v = a.string(4);
      if (a.is(3, "MODULE")) {
        filter = s -> false; // no Redis modules are loaded
      } else if (a.is(3, "ACLCAT")) {
        String category = "@" + v.toLowerCase(Locale.ROOT);
        filter = s -> {
          JsonArray cats = s.declaration().getJsonArray("acl_categories");
          return cats != null && cats.contains(category);
        };
      } else if (a.is(3, "PATTERN")) {
        filter = s -> Glob.match(v, s.name(), true);
      } else {
        ctx.error(Errors.SYNTAX);
        return;
      }
    } else if (ctx.argc() != 2) {
      ctx.error(Errors.SYNTAX);
      return;
    }
    List<String> names = new ArrayList<>();
    for (CommandSpec s : ctx.server.commands().all()) {
      if (filter.test(s)) names.add(s.name());
      for (CommandSpec sub : ServedCommands.subcommands(s)) if (filter.test(sub)) names.add(sub.name());
    }
    ctx.reply.array(names.size());
    for (String n : names) ctx.reply.bulk(n);
  }
}
