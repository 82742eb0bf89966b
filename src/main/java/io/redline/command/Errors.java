package io.redline.command;

/** Redis's error texts that several commands share; clients match some of them verbatim. */
public final class Errors {
  private Errors() {}

  public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
  public static final String SYNTAX = "ERR syntax error";
  public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
  public static final String NOT_FLOAT = "ERR value is not a valid float";
  public static final String OVERFLOW = "ERR increment or decrement would overflow";
  public static final String NO_SUCH_KEY = "ERR no such key";
  public static final String DB_INDEX = "ERR DB index is out of range";
  public static final String INVALID_EXPIRE = "ERR invalid expire time in '%s' command";
  public static final String STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";

  /**
   * Redis's addReplySubcommandSyntaxError, for a subcommand given the wrong arguments: "unknown
   * subcommand or wrong number of arguments for 'sub'. Try CONTAINER HELP." (the name as typed,
   * at most 128 bytes).
   */
  public static void subcommandSyntax(CommandContext ctx) {
    String sub = ctx.args.cString(1);
    if (sub.length() > 128) sub = sub.substring(0, 128);
    ctx.reply.errorLatin1("ERR unknown subcommand or wrong number of arguments for '" + sub + "'. Try "
        + ctx.args.cString(0).toUpperCase(java.util.Locale.ROOT) + " HELP.");
  }
}
