package io.redline.command;

/** Runs one command. Keyed commands run on the thread that holds their keys' shard(s). */
@FunctionalInterface
public interface CommandHandler {
  void execute(CommandContext ctx);
}
