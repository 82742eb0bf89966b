package io.redline.command;

/**
 * Marks EXEC: the dispatcher runs the queued transaction itself (it must schedule it over every
 * shard the queued commands and watched keys live on), so this handler is never called.
 */
public interface ExecCommand extends CommandHandler {}
