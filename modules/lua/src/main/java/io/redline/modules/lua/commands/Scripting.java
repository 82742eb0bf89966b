package io.redline.modules.lua.commands;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.redline.command.CommandContext;
import io.redline.modules.lua.CommandInvoker;
import io.redline.modules.lua.ScriptEngine;
import io.redline.modules.lua.ScriptReply;
import io.redline.modules.lua.ScriptReplies;
import java.util.function.Function;

/**
 * One server's scripting state: the engine (script cache, Lua globals) and the bridge from
 * redis.call to the command running the script. Every scripting command holds all shards, so
 * only one runs at a time and this state needs no locks.
 */
final class Scripting {
  private CommandContext current;
  private boolean readOnly;
  private int resp = 2;
  final ScriptEngine engine = new ScriptEngine(new CommandInvoker() {
    @Override
    public ScriptReply call(byte[][] args) {
      ByteBuf buf = Unpooled.buffer(64);
      try {
        current.call(args, resp, readOnly, buf);
        return ScriptReplies.read(ByteBufUtil.getBytes(buf));
      } finally {
        buf.release();
      }
    }

    @Override
    public void resp(int version) { resp = version; }
  }, () -> false);

  /** Runs {@code body} with redis.call bound to {@code ctx}'s held shards. */
  ScriptReply run(CommandContext ctx, boolean ro, Function<ScriptEngine, ScriptReply> body) {
    current = ctx;
    readOnly = ro;
    resp = 2;
    try {
      return body.apply(engine);
    } finally {
      current = null;
    }
  }
}
