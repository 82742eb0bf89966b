package io.redline.command.transactions;

import io.redline.command.CommandContext;
import io.redline.command.ExecCommand;

/**
 * EXEC: run by the dispatcher itself (CommandDispatcher.exec), which schedules the queued
 * commands over every shard they touch; this method is never reached.
 */
public final class Exec implements ExecCommand {
  @Override
  public void execute(CommandContext ctx) {
    throw new IllegalStateException("EXEC is run by the dispatcher");
  }
}
