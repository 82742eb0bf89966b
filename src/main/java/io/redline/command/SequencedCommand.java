package io.redline.command;

/**
 * A command after which the client's later commands wait until it has answered (BLPOP and the
 * other blocking pops; WATCH, so an UNWATCH or EXEC behind it sees its registration).
 */
public interface SequencedCommand extends CommandHandler {}
