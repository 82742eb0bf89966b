package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The small FUNCTION subcommands: DELETE, FLUSH, DUMP, KILL, HELP. */
final class FunctionSubcommands {
  private FunctionSubcommands() {}

  /** Redis's reply to extra arguments of FLUSH and RESTORE (the subcommand as the client typed it). */
  static void syntaxError(CommandContext ctx) {
    io.redline.command.Errors.subcommandSyntax(ctx);
  }

  static CommandHandler delete(Scripting s) {
    return ctx -> {
      if (!s.functions.delete(new String(ctx.args.bytes(2), StandardCharsets.ISO_8859_1))) {
        ctx.error("ERR Library not found");
        return;
      }
      ctx.dirty(1);
      ctx.reply.ok();
    };
  }

  /** FUNCTION FLUSH [ASYNC|SYNC]: both drop every library at once (there is nothing to free lazily). */
  static CommandHandler flush(Scripting s) {
    return ctx -> {
      if (ctx.argc() > 3) {
        syntaxError(ctx);
        return;
      }
      if (ctx.argc() == 3 && !ctx.args.is(2, "SYNC") && !ctx.args.is(2, "ASYNC")) {
        ctx.error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
        return;
      }
      s.functions.flush();
      ctx.dirty(1);
      ctx.reply.ok();
    };
  }

  /** FUNCTION DUMP compresses library code as RDB strings are: unless rdbcompression is "no". */
  static CommandHandler dump(Scripting s) {
    return ctx -> ctx.reply.bulk(s.functions.dump(!"no".equals(ctx.server.config().get("rdbcompression"))));
  }

  /** Runs on the caller's loop (CONNECTION route): the function runs meanwhile. */
  static CommandHandler kill(Scripting s) {
    return ctx -> {
      String refusal = s.kill(ctx.client(), false);
      if (refusal == null) ctx.reply.ok();
      else ctx.error(refusal);
    };
  }

  private static final List<String> HELP = List.of(
      "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "LOAD [REPLACE] <FUNCTION CODE>",
      "    Create a new library with the given library name and code.",
      "DELETE <LIBRARY NAME>",
      "    Delete the given library.",
      "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
      "    Return general information on all the libraries:",
      "    * Library name",
      "    * The engine used to run the Library",
      "    * Library description",
      "    * Functions list",
      "    * Library code (if WITHCODE is given)",
      "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
      "STATS",
      "    Return information about the current function running:",
      "    * Function name",
      "    * Command used to run the function",
      "    * Duration in MS that the function is running",
      "    If no function is running, return nil",
      "    In addition, returns a list of available engines.",
      "KILL",
      "    Kill the current running function.",
      "FLUSH [ASYNC|SYNC]",
      "    Delete all the libraries.",
      "    When called without the optional mode argument, the behavior is determined by the",
      "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
      "    * ASYNC: Asynchronously flush the libraries.",
      "    * SYNC: Synchronously flush the libraries.",
      "DUMP",
      "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
      "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
      "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
      "    control how to handle existing libraries (default APPEND):",
      "    * FLUSH: delete all existing libraries.",
      "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
      "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
      "      libraries with the new libraries (notice that even on this option there is a chance of failure",
      "      in case of functions name collision with another library).",
      "HELP",
      "    Prints this help.");

  static CommandHandler help() {
    return ctx -> {
      ctx.reply.array(HELP.size());
      for (String line : HELP) ctx.reply.simple(line);
    };
  }
}
