package io.redline.command;

import io.redline.protocol.Args;

/** For {@link Route#CHOSEN_SHARD} commands: picks the shard from the arguments; -1 means any. */
@FunctionalInterface
public interface ShardChooser {
  int shardFor(Args args, int shardCount);
}
