package io.redline.command.server;

import io.redline.command.CommandHandler;
import io.redline.command.HelpReply;
import io.redline.server.LatencyMonitor;
import java.util.ArrayList;
import java.util.List;

/**
 * LATENCY LATEST / HISTORY / RESET (HELP is a {@link HelpReply}); the samples are
 * {@link LatencyMonitor}'s. DOCTOR, GRAPH and HISTOGRAM are not served.
 */
final class LatencyCommands {
  private LatencyCommands() {}

  /** LATENCY LATEST: per event [name, time of the latest sample, its latency, the worst]. */
  static CommandHandler latest() {
    return ctx -> {
      List<LatencyMonitor.Latest> all = ctx.server.latency().latest();
      ctx.reply.array(all.size());
      for (LatencyMonitor.Latest l : all) {
        ctx.reply.array(4);
        ctx.reply.bulk(l.event());
        ctx.reply.integer(l.time());
        ctx.reply.integer(l.latency());
        ctx.reply.integer(l.max());
      }
    };
  }

  /** LATENCY HISTORY event: [time, latency] pairs, oldest first. */
  static CommandHandler history() {
    return ctx -> {
      List<LatencyMonitor.Sample> samples = ctx.server.latency().history(ctx.args.string(2));
      ctx.reply.array(samples.size());
      for (LatencyMonitor.Sample s : samples) {
        ctx.reply.array(2);
        ctx.reply.integer(s.time());
        ctx.reply.integer(s.latency());
      }
    };
  }

  /** LATENCY RESET [event ...]: how many events were reset. */
  static CommandHandler reset() {
    return ctx -> {
      List<String> names = new ArrayList<>();
      for (int i = 2; i < ctx.argc(); i++) names.add(ctx.args.string(i));
      ctx.reply.integer(ctx.server.latency().reset(names));
    };
  }

  /** Redis's help, less DOCTOR, GRAPH and HISTOGRAM. */
  static HelpReply help() {
    return new HelpReply(
        "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "HISTORY <event>",
        "    Return time-latency samples for the <event> class.",
        "LATEST",
        "    Return the latest latency samples for all events.",
        "RESET [<event> ...]",
        "    Reset latency data of one or more <event> classes.",
        "    (default: reset all data for all event classes)",
        "HELP",
        "    Prints this help.");
  }
}
