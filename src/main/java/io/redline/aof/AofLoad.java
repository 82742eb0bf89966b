package io.redline.aof;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redline.command.CommandContext;
import io.redline.command.CommandSpec;
import io.redline.protocol.Args;
import io.redline.protocol.ReplyWriter;
import io.redline.server.ServerContext;
import io.redline.shard.Scope;
import io.redline.shard.Shard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * Start-up replay of a multi-part AOF: the base (an RDB, loaded by the RDB loader, or an AOF of
 * commands), then each incr file in order. Commands run through their handlers against every
 * shard, before any loop serves. A last file cut in the middle of a command is truncated to its
 * last complete command when aof-load-truncated is yes (Redis's log lines), otherwise the start
 * is refused with Redis's message.
 */
final class AofLoad {
  private static final Logger LOG = Logger.getLogger("redline");

  private final ServerContext server;
  private final boolean loadTruncated;
  private int db;
  private long errors;

  AofLoad(ServerContext server, boolean loadTruncated) {
    this.server = server;
    this.loadTruncated = loadTruncated;
  }

  void load(Path dir, AofManifest manifest, Shard[] shards) throws IOException {
    Scope scope = Scope.of(server.router(), shards);
    int files = (manifest.base == null ? 0 : 1) + manifest.incrs.size();
    int n = 0;
    if (manifest.base != null) {
      Path base = dir.resolve(manifest.base.name());
      n++;
      if (!Files.exists(base)) throw new IOException("Can't open the append-only file " + manifest.base.name() + ": No such file or directory");
      if (startsWithRdb(base)) {
        LOG.info("Reading RDB base file on AOF loading...");
        server.persistence().load(base, shards, false);
      } else {
        replay(base, scope, n == files);
      }
    }
    for (AofManifest.Part p : manifest.incrs) {
      n++;
      Path f = dir.resolve(p.name());
      if (!Files.exists(f)) throw new IOException("Can't open the append-only file " + p.name() + ": No such file or directory");
      replay(f, scope, n == files);
    }
    if (errors > 0) LOG.warning(errors + " command(s) of the AOF answered with an error while loading");
  }

  private static boolean startsWithRdb(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] b = in.readNBytes(5);
      return new String(b, StandardCharsets.US_ASCII).equals("REDIS");
    }
  }

  private void replay(Path file, Scope scope, boolean last) throws IOException {
    String name = file.getFileName().toString();
    db = 0; // each file starts in database 0, as Redis's loader does
    AofReader.Result r;
    try {
      r = AofReader.read(file, 0, argv -> run(argv, scope, name));
    } catch (AofReader.BadFormatException e) {
      throw new IOException("Bad file format reading the append only file " + name
          + ": make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>");
    }
    if (!r.truncated()) return;
    if (!last) throw new IOException("Fatal error: the truncated file is not the last file");
    if (!loadTruncated) {
      throw new IOException("Unexpected end of file reading the append only file " + name + ". You can: "
          + "1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. "
          + "2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.");
    }
    LOG.warning("!!! Warning: short read while loading the AOF file " + name + "!!!");
    LOG.warning("!!! Truncating the AOF " + name + " at offset " + r.validUpTo() + " !!!");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(r.validUpTo());
      ch.force(true);
    } catch (IOException e) {
      throw new IOException("Error truncating the AOF file " + name + ": " + e.getMessage());
    }
    LOG.warning("AOF " + name + " loaded anyway because aof-load-truncated is enabled");
  }

  private void run(byte[][] argv, Scope scope, String file) throws IOException {
    Args a = Args.of(argv);
    if (argv.length == 2 && a.lowerName(0).equals("select")) {
      try {
        db = Integer.parseInt(new String(argv[1], StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new AofReader.BadFormatException("bad SELECT");
      }
      if (db < 0 || db >= server.router().shard(0).databaseCount()) throw new IOException("Invalid DB index in the AOF: " + db);
      return;
    }
    CommandSpec spec = server.commands().lookup(a);
    if (spec != null && spec.isContainer()) spec = a.size() < 2 ? null : spec.subcommands().get(spec.name() + "|" + a.lowerName(1));
    if (spec == null || spec.handler() == null) {
      throw new IOException("Unknown command '" + new String(argv[0], StandardCharsets.UTF_8) + "' reading the append only file " + file);
    }
    ByteBuf out = Unpooled.buffer(64);
    try {
      CommandContext ctx = new CommandContext(server, spec, a, new ReplyWriter(out, 2), null, scope, db,
          System.currentTimeMillis()).noBlocking();
      spec.handler().execute(ctx);
    } catch (RuntimeException e) {
      errors++;
      LOG.fine("AOF command " + a.lowerName(0) + " failed: " + e);
    }
    if (out.isReadable() && out.getByte(0) == '-') {
      errors++;
      if (errors <= 5) LOG.warning("AOF command " + a.lowerName(0) + " answered " + out.toString(StandardCharsets.UTF_8).trim());
    }
    out.release();
  }
}
