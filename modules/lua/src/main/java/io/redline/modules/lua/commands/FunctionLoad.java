package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.lua.FunctionEngine;

/** FUNCTION LOAD [REPLACE] code: runs the library's code to register its functions. */
final class FunctionLoad implements CommandHandler {
  private final Scripting scripting;

  FunctionLoad(Scripting scripting) { this.scripting = scripting; }

  @Override
  public void execute(CommandContext ctx) {
    boolean replace = false;
    int pos = 2;
    // Every word before the last is an option; the last one is the code.
    for (; pos < ctx.argc() - 1; pos++) {
      if (!ctx.args.is(pos, "REPLACE")) {
        ctx.reply.errorLatin1("ERR Unknown option given: " + ctx.args.cString(pos));
        return;
      }
      replace = true;
    }
    try {
      String name = scripting.functions.load(ctx.args.bytes(pos), replace);
      ctx.dirty(1);
      ctx.reply.bulk(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    } catch (FunctionEngine.Refusal e) {
      ctx.reply.errorLatin1("ERR " + e.getMessage());
    }
  }
}
