package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.BusyTracker;
import io.redline.command.OffLoopCommand;
import io.redline.modules.lua.ReplyEncoder;
import io.redline.modules.lua.ScriptEngine;
import io.redline.modules.lua.ScriptReply;
import io.redline.protocol.Args;

/**
 * EVAL / EVALSHA / EVAL_RO / EVALSHA_RO script|sha numkeys [key ...] [arg ...].
 * Holds its declared keys' shards and takes any other as soon as it touches one of its keys
 * (Route.SCRIPT): real libraries touch keys they did not declare, and the script must stay atomic.
 * It runs on the script worker (OffLoopCommand), so a long script can be answered with -BUSY and
 * stopped with SCRIPT KILL.
 */
final class Eval implements OffLoopCommand {
  private final Scripting scripting;
  private final boolean bySha;
  private final boolean readOnly;

  Eval(Scripting scripting, boolean bySha, boolean readOnly) {
    this.scripting = scripting;
    this.bySha = bySha;
    this.readOnly = readOnly;
  }

  @Override
  public void execute(CommandContext ctx) {
    Args a = ctx.args;
    ScriptArgs parsed = ScriptArgs.parse(ctx, "ERR value is not an integer or out of range");
    if (parsed == null) return;
    byte[][] keys = parsed.keys();
    byte[][] argv = parsed.argv();
    ScriptEngine engine = scripting.engine;
    String sha;
    if (bySha) {
      sha = new String(a.bytes(1), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
      if (!engine.exists(sha)) {
        ctx.error("NOSCRIPT No matching script. Please use EVAL.");
        return;
      }
    } else {
      ScriptReply loaded = engine.load(a.bytes(1));
      if (loaded.isError()) {
        ReplyEncoder.write(loaded, ctx.reply);
        return;
      }
      sha = loaded.text();
    }
    // A script with a shebang follows its flags (no-writes...); one without keeps the old rules.
    Scripting.Run run = new Scripting.Run(BusyTracker.Kind.SCRIPT, sha, engine.flags(sha), readOnly);
    ReplyEncoder.write(scripting.run(ctx, run, () -> engine.evalsha(sha, keys, argv)), ctx.reply);
  }
}
