// The bridge from redis.call / redis.pcall to the server's command layer.
package io.redline.modules.lua;

/**
 * Runs one command on behalf of a script. Errors come back as {@link ScriptReply#error} replies
 * (never thrown), with the text Redis gives scripts, e.g. "ERR Unknown Redis command called from script".
 */
@FunctionalInterface
public interface CommandInvoker {
  ScriptReply call(byte[][] args);

  /** redis.setresp: the protocol the next calls' replies should use (2 or 3). */
  default void resp(int version) {}

  /**
   * redis.acl_check_cmd: whether the script's user may run this command with these arguments,
   * or null when there is no such command (or subcommand). Without a host that knows its
   * commands, every command is unknown.
   */
  default Boolean aclCheck(byte[][] args) { return null; }
}
