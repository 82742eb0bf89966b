package io.redline.command.server;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * INFO [section ...]. Runs holding every shard (so the keyspace section can count keys safely);
 * everything else it reads is thread-safe counters, never the calling client's state.
 *
 * <p>Sections follow Redis's order and names; no argument means "default", "all" adds
 * commandstats, "everything" is "all" here (no module sections exist). Redis's latencystats
 * section is not produced: Redline keeps no latency histograms.
 */
public final class Info implements CommandHandler {
  /** Redis's order; the second value says whether "default" includes the section. */
  private static final String[][] SECTIONS = {
    {"server", "y"}, {"clients", "y"}, {"memory", "y"}, {"persistence", "y"}, {"stats", "y"},
    {"replication", "y"}, {"cpu", "y"}, {"modules", "y"}, {"commandstats", "n"}, {"errorstats", "y"},
    {"cluster", "y"}, {"keyspace", "y"},
  };

  @Override
  public void execute(CommandContext ctx) {
    Set<String> wanted = new HashSet<>();
    if (ctx.argc() == 1) wanted.add("default");
    for (int i = 1; i < ctx.argc(); i++) wanted.add(ctx.args.string(i).toLowerCase(Locale.ROOT));
    boolean all = wanted.contains("all") || wanted.contains("everything");
    boolean defaults = wanted.contains("default");
    InfoSections sections = new InfoSections(ctx);
    StringBuilder out = new StringBuilder(4096);
    for (String[] s : SECTIONS) {
      String name = s[0];
      if (!(all || wanted.contains(name) || (defaults && s[1].equals("y")))) continue;
      if (out.length() > 0) out.append("\r\n");
      sections.append(name, out);
    }
    ctx.reply.verbatim(out.toString());
  }
}
