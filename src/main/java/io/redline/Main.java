package io.redline;

import io.redline.config.ConfigException;
import io.redline.server.RedlineServer;

/** {@code java -jar redline.jar [redline.conf] [--name value ...]} */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %5$s%6$s%n");
    // Replies are many tiny writes into buffers only this server touches: Netty's per-write
    // "is it still referenced" check showed up as the top frame of the pipelined profile.
    System.setProperty("io.netty.buffer.checkAccessible", "false");
    if (args.length == 1 && (args[0].equals("-v") || args[0].equals("--version"))) {
      System.out.println("Redline " + io.redline.server.ServerContext.REDLINE_VERSION);
      return;
    }
    try {
      RedlineServer.start(args);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
