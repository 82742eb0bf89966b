package io.redline.command;

/**
 * A group of command handlers (strings, keys, connection...). The core's families and, later,
 * modules' families bind handlers to the declarations in {@code commands/*.json}.
 */
public interface CommandFamily {
  void register(CommandTable table);
}
