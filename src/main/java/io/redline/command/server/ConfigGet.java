package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.config.ServerConfig;
import io.redline.util.Glob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CONFIG GET parameter [parameter ...]: a map of every matching option. As in Redis, a name
 * without glob characters is looked up directly and echoed as the client spelled it.
 */
public final class ConfigGet implements CommandHandler {
  @Override
  public void execute(CommandContext ctx) {
    ServerConfig config = ctx.server.config();
    Map<String, String> found = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 2; i < ctx.argc(); i++) {
      String p = ctx.args.string(i);
      if (Glob.isLiteral(p)) {
        String canonical = p.toLowerCase(Locale.ROOT);
        String v = config.get(canonical);
        if (v != null && seen.add(canonical)) found.put(p, v);
        continue;
      }
      for (Map.Entry<String, String> e : config.matching(List.of(p)).entrySet()) {
        if (seen.add(e.getKey())) found.put(e.getKey(), e.getValue());
      }
    }
    ctx.reply.map(found.size());
    for (Map.Entry<String, String> e : found.entrySet()) {
      ctx.reply.bulk(e.getKey());
      ctx.reply.bulk(e.getValue());
    }
  }
}
