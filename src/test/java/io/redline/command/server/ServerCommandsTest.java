package io.redline.command.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.server.RedlineServer;
import io.redline.testing.RawClient;
import io.redline.testing.RedlineInstance;
import io.redline.testing.RespReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server commands against a 4-shard Redline, for what the differential files cannot check:
 * COMMAND's self-consistency over every served command, INFO keyspace summed over shards, and
 * CONFIG REWRITE (which needs a config file).
 */
class ServerCommandsTest {
  @RegisterExtension
  static final RedlineInstance REDLINE = new RedlineInstance();

  @Test
  void everyListedCommandHasInfoAndDocs() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      RespReply list = c.callParsed("COMMAND", "LIST");
      List<String> top = new ArrayList<>();
      for (RespReply name : list.elements) {
        String n = name.text();
        if (!n.contains("|")) top.add(n);
        RespReply info = c.callParsed("COMMAND", "INFO", n);
        assertEquals('*', info.elements.get(0).type, "COMMAND INFO " + n + ": " + info);
        assertEquals(n, info.elements.get(0).elements.get(0).text());
        RespReply docs = c.callParsed("COMMAND", "DOCS", n);
        assertEquals(2, docs.elements.size(), "COMMAND DOCS " + n + ": " + docs);
      }
      assertEquals(top.size(), c.callParsed("COMMAND", "COUNT").integer());
      assertEquals(top.size(), c.callParsed("COMMAND").elements.size());
      assertTrue(top.contains("command") && top.contains("info") && top.contains("client"), top.toString());
    }
  }

  @Test
  void infoKeyspaceCountsEveryShard() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      c.call("FLUSHALL");
      for (int i = 0; i < 200; i++) c.call("SET", "ks-" + i, "v");
      for (int i = 0; i < 30; i++) c.call("EXPIRE", "ks-" + i, "1000");
      c.call("SELECT", "7");
      c.call("SET", "in-seven", "v");
      String info = c.callParsed("INFO", "keyspace").text();
      assertEquals("# Keyspace\r\ndb0:keys=200,expires=30,avg_ttl=0\r\ndb7:keys=1,expires=0,avg_ttl=0\r\n", info);
      c.call("FLUSHALL");
    }
  }

  @Test
  void infoSectionsFollowRedisOrder() throws IOException {
    try (RawClient c = REDLINE.connect()) {
      List<String> headers = new ArrayList<>();
      for (String line : c.callParsed("INFO", "everything").text().split("\r\n")) {
        if (line.startsWith("# ")) headers.add(line.substring(2));
        else if (!line.isEmpty()) assertTrue(line.matches("[A-Za-z0-9_|\\-]+:.*"), "field:value line: " + line); // errorstat_ERR: upper case, as Redis
      }
      assertEquals(List.of("Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "CPU", "Modules",
          "Commandstats", "Errorstats", "Cluster", "Keyspace"), headers);
      String dflt = c.callParsed("INFO").text();
      assertFalse(dflt.contains("# Commandstats"), "the default set leaves commandstats out");
      assertTrue(dflt.startsWith("# Server\r\nredis_version:7.0.15\r\n"), dflt);
      // Redis's order within Stats, the instantaneous rates among the totals
      String stats = c.callParsed("INFO", "stats").text();
      assertTrue(stats.matches("(?s).*total_commands_processed:\\d+\r\ninstantaneous_ops_per_sec:\\d+\r\ntotal_net_input_bytes:\\d+\r\n"
          + "total_net_output_bytes:\\d+\r\ninstantaneous_input_kbps:\\d+\\.\\d\\d\r\ninstantaneous_output_kbps:\\d+\\.\\d\\d\r\n.*"), stats);
    }
  }

  @Test
  void configRewriteKeepsTheFileAndAddsChanges(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("redline.conf");
    Files.writeString(conf, "# my settings\ntimeout 5\nhz 10\n");
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    RedlineServer server = RedlineServer.start(conf.toString(), "--port", String.valueOf(port), "--shards", "2");
    try (RawClient c = RawClient.connect(port)) {
      assertEquals("+OK\r\n", c.callText("CONFIG", "SET", "timeout", "123", "maxclients", "500"));
      assertEquals("+OK\r\n", c.callText("CONFIG", "REWRITE"));
      String text = Files.readString(conf);
      assertTrue(text.startsWith("# my settings\ntimeout 123\nhz 10\n"), text);
      assertTrue(text.contains("maxclients 500"), text);
      String configFile = c.callParsed("INFO", "server").text();
      assertTrue(configFile.contains("config_file:" + conf.toAbsolutePath() + "\r\n"), configFile);
    } finally {
      server.stop();
    }
  }
}
