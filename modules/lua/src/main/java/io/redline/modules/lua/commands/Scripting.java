package io.redline.modules.lua.commands;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.redline.command.BusyTracker;
import io.redline.command.CommandContext;
import io.redline.modules.lua.CommandInvoker;
import io.redline.modules.lua.ScriptEngine;
import io.redline.modules.lua.ScriptReply;
import io.redline.modules.lua.ScriptReplies;
import java.util.function.Function;

/**
 * One server's scripting state: the engine (script cache, Lua globals) and the bridge from
 * redis.call to the command running the script. Every scripting command holds all shards, so
 * only one runs at a time; what SCRIPT KILL reads from another thread is volatile.
 */
final class Scripting {
  private CommandContext current;
  private boolean readOnly;
  private int resp = 2;
  /** Set by SCRIPT KILL (on an event loop), read by the engine's instruction hook (on the script's thread). */
  private volatile boolean killRequested;
  /** Whether the running script has written: then only SHUTDOWN NOSAVE may stop it, as in Redis. */
  private volatile boolean wrote;
  private volatile boolean running;
  final ScriptEngine engine = new ScriptEngine(new CommandInvoker() {
    @Override
    public ScriptReply call(byte[][] args) {
      ByteBuf buf = Unpooled.buffer(64);
      try {
        int writesBefore = current.nestedWrites().size();
        current.call(args, resp, readOnly, buf);
        if (current.nestedWrites().size() > writesBefore) wrote = true;
        return ScriptReplies.read(ByteBufUtil.getBytes(buf));
      } finally {
        buf.release();
      }
    }

    @Override
    public void resp(int version) { resp = version; }
  }, () -> killRequested);

  /**
   * Runs {@code body} with redis.call bound to {@code ctx}'s held shards, reporting the run to the
   * server's busy tracker so that other clients get -BUSY once it passes busy-reply-threshold.
   */
  ScriptReply run(CommandContext ctx, boolean ro, BusyTracker.Kind kind, Function<ScriptEngine, ScriptReply> body) {
    current = ctx;
    readOnly = ro;
    resp = 2;
    wrote = false;
    killRequested = false;
    running = true;
    ctx.server.busy().begin(kind);
    try {
      return body.apply(engine);
    } finally {
      ctx.server.busy().end();
      running = false;
      current = null;
    }
  }

  /** SCRIPT KILL: null when the kill was requested, else Redis's refusal. */
  String kill() {
    if (!running) return "NOTBUSY No scripts in execution right now.";
    if (wrote) {
      return "UNKILLABLE Sorry the script already executed write commands against the dataset. "
          + "You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";
    }
    killRequested = true;
    return null;
  }
}
