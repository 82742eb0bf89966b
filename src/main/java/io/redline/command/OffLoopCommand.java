package io.redline.command;

/**
 * Marks a handler that may run for a long time while holding every shard it needs (EVAL, FCALL).
 * The dispatcher runs it on a worker thread, not an event loop, so that while it runs the loops
 * go on answering: other clients get -BUSY once it has run past busy-reply-threshold, and SCRIPT
 * KILL / FUNCTION KILL / SHUTDOWN NOSAVE (declared "allow_busy") can reach it. Inside MULTI it
 * runs in line with the rest of the transaction, as any command does.
 *
 * <p>The handler reports a long run through {@link BusyTracker#begin}/{@link BusyTracker#end}
 * (see {@code ctx.server().busy()}).
 */
public interface OffLoopCommand extends CommandHandler { }
