package io.redline.command;

/** A container's HELP: fixed lines, one status reply each, as Redis prints them. */
public final class HelpReply implements CommandHandler {
  private final String[] lines;

  public HelpReply(String... lines) {
    this.lines = lines;
  }

  @Override
  public void execute(CommandContext ctx) {
    ctx.reply.array(lines.length);
    for (String line : lines) ctx.reply.simple(line);
  }
}
