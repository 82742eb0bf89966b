package io.redline.modules.lua.commands;

import io.redline.command.CommandContext;
import io.redline.protocol.Args;
import io.redline.util.RedisNumbers;

/** The "numkeys key... arg..." tail shared by EVAL and FCALL, checked with Redis's errors. */
record ScriptArgs(byte[][] keys, byte[][] argv) {

  /**
   * Splits arguments 3.. by the count at argument 2, or answers the error and returns null.
   * {@code badCount} is the error for a count that is no integer (EVAL and FCALL word it differently).
   */
  static ScriptArgs parse(CommandContext ctx, String badCount) {
    Args a = ctx.args;
    long numkeys;
    try {
      numkeys = RedisNumbers.parseLong(a.buffer(), a.offset(2), a.length(2));
    } catch (NumberFormatException e) {
      ctx.error(badCount);
      return null;
    }
    if (numkeys > a.size() - 3) {
      ctx.error("ERR Number of keys can't be greater than number of args");
      return null;
    }
    if (numkeys < 0) {
      ctx.error("ERR Number of keys can't be negative");
      return null;
    }
    byte[][] keys = new byte[(int) numkeys][];
    for (int i = 0; i < keys.length; i++) keys[i] = a.bytes(3 + i);
    byte[][] argv = new byte[a.size() - 3 - keys.length][];
    for (int i = 0; i < argv.length; i++) argv[i] = a.bytes(3 + keys.length + i);
    return new ScriptArgs(keys, argv);
  }
}
