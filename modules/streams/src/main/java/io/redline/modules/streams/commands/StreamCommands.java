package io.redline.modules.streams.commands;

import io.redline.command.CommandTable;
import io.redline.command.Route;
import io.redline.command.HelpReply;

/** The streams module's bindings (declarations: commands/stream.json, generated from Redis 7.0). */
public final class StreamCommands {
  private StreamCommands() {}

  public static void register(CommandTable t) {
    t.bind("xadd", Route.KEYS, new XAdd());
    t.bind("xlen", Route.KEYS, new XLen());
    t.bind("xrange", Route.KEYS, XRange.forward());
    t.bind("xrevrange", Route.KEYS, XRange.reverse());
    t.bind("xdel", Route.KEYS, new XDel());
    t.bind("xtrim", Route.KEYS, new XTrim());
    t.bind("xread", Route.KEYS, new XRead());
    t.bind("xreadgroup", Route.KEYS, new XReadGroup());
    t.bind("xack", Route.KEYS, new XAck());
    t.bind("xpending", Route.KEYS, new XPending());
    t.bind("xclaim", Route.KEYS, new XClaim());
    t.bind("xautoclaim", Route.KEYS, new XAutoClaim());
    t.bind("xsetid", Route.KEYS, new XSetId());

    t.bind("xgroup|create", Route.KEYS, new XGroupCreate());
    t.bind("xgroup|setid", Route.KEYS, new XGroupSetId());
    t.bind("xgroup|destroy", Route.KEYS, new XGroupDestroy());
    t.bind("xgroup|createconsumer", Route.KEYS, XGroupConsumer.create());
    t.bind("xgroup|delconsumer", Route.KEYS, XGroupConsumer.delete());
    t.bind("xgroup|help", Route.CONNECTION, new HelpReply(
        "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CREATE <key> <groupname> <id|$> [option]",
        "    Create a new consumer group. Options are:",
        "    * MKSTREAM",
        "      Create the empty stream if it does not exist.",
        "    * ENTRIESREAD entries_read",
        "      Set the group's entries_read counter (internal use).",
        "CREATECONSUMER <key> <groupname> <consumer>",
        "    Create a new consumer in the specified group.",
        "DELCONSUMER <key> <groupname> <consumer>",
        "    Remove the specified consumer.",
        "DESTROY <key> <groupname>",
        "    Remove the specified group.",
        "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
        "    Set the current group ID and entries_read counter.",
        "HELP",
        "    Prints this help."));

    t.bind("xinfo|stream", Route.KEYS, new XInfoStream());
    t.bind("xinfo|groups", Route.KEYS, XInfo.groups());
    t.bind("xinfo|consumers", Route.KEYS, XInfo.consumers());
    t.bind("xinfo|help", Route.CONNECTION, new HelpReply(
        "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CONSUMERS <key> <groupname>",
        "    Show consumers of <groupname>.",
        "GROUPS <key>",
        "    Show the stream consumer groups.",
        "STREAM <key> [FULL [COUNT <count>]",
        "    Show information about the stream.",
        "HELP",
        "    Prints this help."));
  }
}
