package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.modules.lua.FunctionEngine;
import io.redline.modules.lua.FunctionLibrary;
import io.redline.protocol.ReplyWriter;
import io.redline.util.Glob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]: per library its name, engine, functions (name,
 * description, flags) and optionally its code; the pattern is a glob matched ignoring case.
 */
final class FunctionList implements CommandHandler {
  private final Scripting scripting;

  FunctionList(Scripting scripting) { this.scripting = scripting; }

  @Override
  public void execute(CommandContext ctx) {
    boolean withCode = false;
    byte[] pattern = null;
    for (int i = 2; i < ctx.argc(); i++) {
      if (!withCode && ctx.args.is(i, "WITHCODE")) {
        withCode = true;
        continue;
      }
      if (pattern == null && ctx.args.is(i, "LIBRARYNAME")) {
        if (i >= ctx.argc() - 1) {
          ctx.error("ERR library name argument was not given");
          return;
        }
        pattern = ctx.args.bytes(++i);
        continue;
      }
      ctx.reply.errorLatin1("ERR Unknown argument " + ctx.args.cString(i));
      return;
    }
    List<FunctionLibrary> shown = new ArrayList<>();
    for (FunctionLibrary lib : scripting.functions.libraries()) {
      byte[] name = lib.name().getBytes(StandardCharsets.ISO_8859_1);
      if (pattern == null || Glob.match(pattern, 0, pattern.length, name, 0, name.length, true)) shown.add(lib);
    }
    ReplyWriter w = ctx.reply;
    w.array(shown.size());
    for (FunctionLibrary lib : shown) {
      w.map(withCode ? 4 : 3);
      w.bulk("library_name");
      w.bulk(lib.name().getBytes(StandardCharsets.ISO_8859_1));
      w.bulk("engine");
      w.bulk(FunctionEngine.ENGINE);
      w.bulk("functions");
      w.array(lib.functions().size());
      for (FunctionLibrary.Function f : lib.functions()) {
        w.map(3);
        w.bulk("name");
        w.bulk(f.name().getBytes(StandardCharsets.ISO_8859_1));
        w.bulk("description");
        if (f.description() == null) w.nullBulk();
        else w.bulk(f.description());
        w.bulk("flags");
        w.set(f.flags().size());
        for (String flag : f.flags()) w.simple(flag);
      }
      if (withCode) {
        w.bulk("library_code");
        w.bulk(lib.code());
      }
    }
  }
}
