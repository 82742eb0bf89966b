package io.redline.server;

import io.redline.command.CommandSpec;
import io.redline.protocol.Args;
import java.util.ArrayList;
import java.util.List;

/** A client between MULTI and EXEC: the commands queued so far, and whether one was refused. */
final class TransactionState {
  record Queued(CommandSpec spec, Args args) {}

  final List<Queued> queued = new ArrayList<>();
  /** A command was refused while queuing (unknown, wrong arity...): EXEC answers EXECABORT. */
  boolean aborted;
}
