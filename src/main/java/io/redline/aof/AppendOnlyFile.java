package io.redline.aof;

import io.redline.command.CommandContext;
import io.redline.config.ServerConfig;
import io.redline.protocol.Args;
import io.redline.server.ServerContext;
import io.redline.shard.MultiShardTx;
import io.redline.shard.Shard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The append-only file (Redis 7's multi-part AOF): the commands that changed something are
 * logged as their effects ({@link #feed}), the log is replayed at start-up, BGREWRITEAOF
 * replaces base + incr files by a new RDB base. See docs/aof.md.
 *
 * <p>Threads: {@link #feed} runs on whichever thread executed the command (shard loop,
 * coordinator, script worker) while it still owns the keys; appends are serialised by this
 * object's lock, which also decides where SELECT goes. Files are written by {@link AofWriter}.
 */
public final class AppendOnlyFile {
  private static final Logger LOG = Logger.getLogger("redline");
  private static final byte[] MULTI = bytes("MULTI");
  private static final byte[] EXEC = bytes("EXEC");
  private static final byte[] SELECT = bytes("SELECT");
  private static final byte[] DEL = bytes("DEL");

  private final ServerContext server;
  private final ServerConfig config;
  /** Non-null while the AOF is on (appendonly yes); set and cleared holding every shard. */
  private volatile AofWriter writer;
  private AofManifest manifest;
  private int lastDb = -1;
  private byte[] scratch = new byte[4096];
  private int scratchLength;

  // Rewrite state (INFO persistence); guarded by this.
  private volatile boolean rewriting;
  private volatile boolean rewriteScheduled;
  private volatile long rewriteStartMillis;
  private volatile long lastRewriteSeconds = -1;
  private volatile boolean lastRewriteOk = true;
  private volatile long rewrites;
  private volatile long baseSize;
  private long sizeAtLastRewrite;
  private ScheduledFuture<?> cron;

  public AppendOnlyFile(ServerContext server) {
    this.server = server;
    this.config = server.config();
    config.onChange("appendfsync", v -> {
      AofWriter w = writer;
      if (w != null) w.fsyncPolicy(v);
    });
    config.onChange("appendonly", v -> onAll(shards -> {
      if (v.equals("yes")) enable(shards);
      else disable();
    }));
  }

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

  public boolean enabled() { return writer != null; }

  Path dir() { return Path.of(config.get("dir")).resolve(config.get("appenddirname")); }

  String prefix() { return config.get("appendfilename"); }

  // ---- feeding ----------------------------------------------------------------------------

  /** A command that changed something: logs its effects (MULTI/EXEC-wrapped when more than one). */
  public void feed(CommandContext ctx) {
    if (writer == null) return;
    List<Object[]> ops = new ArrayList<>(2);
    collect(ctx, ops);
    append(ops);
  }

  /** A transaction's writes (EXEC): one MULTI/EXEC block when they come to more than one command. */
  public void feed(List<CommandContext> writes) {
    if (writer == null || writes.isEmpty()) return;
    List<Object[]> ops = new ArrayList<>();
    for (CommandContext c : writes) collect(c, ops);
    append(ops);
  }

  /** A key that expired or was evicted: logged as DEL, as Redis 7.0 does (lazyfree-lazy-expire no). */
  public void feedDel(int db, byte[] key) {
    if (writer == null) return;
    List<Object[]> ops = new ArrayList<>(1);
    ops.add(new Object[] {db, new byte[][] {DEL, key}});
    append(ops);
  }

  /** Ops are {db, Args} (the command as sent) or {db, byte[][]} (an effect). */
  private static void collect(CommandContext ctx, List<Object[]> ops) {
    if (!ctx.nestedWrites().isEmpty()) { // a script: its writes, never the script itself
      for (CommandContext nested : ctx.nestedWrites()) collect(nested, ops);
      return;
    }
    List<byte[][]> effects = ctx.effects();
    if (effects == null) ops.add(new Object[] {ctx.dbIndex(), ctx.args});
    else for (byte[][] e : effects) ops.add(new Object[] {ctx.dbIndex(), e});
  }

  private synchronized void append(List<Object[]> ops) {
    AofWriter w = writer;
    if (w == null || ops.isEmpty()) return;
    scratchLength = 0;
    boolean wrap = ops.size() > 1;
    if (wrap) {
      select((Integer) ops.get(0)[0]);
      encode(new byte[][] {MULTI});
    }
    for (Object[] op : ops) {
      select((Integer) op[0]);
      if (op[1] instanceof Args a) encode(a);
      else encode((byte[][]) op[1]);
    }
    if (wrap) encode(new byte[][] {EXEC});
    w.append(scratch, scratchLength);
    if (scratch.length > (1 << 20)) scratch = new byte[4096];
  }

  private void select(int db) {
    if (db == lastDb) return;
    lastDb = db;
    encode(new byte[][] {SELECT, bytes(Integer.toString(db))});
  }

  private void encode(byte[][] argv) {
    header('*', argv.length);
    for (byte[] a : argv) bulk(a, 0, a.length);
  }

  private void encode(Args a) {
    header('*', a.size());
    for (int i = 0; i < a.size(); i++) bulk(a.buffer(), a.offset(i), a.length(i));
  }

  private void header(char type, int n) {
    byte[] digits = bytes(Integer.toString(n));
    ensure(digits.length + 3);
    scratch[scratchLength++] = (byte) type;
    System.arraycopy(digits, 0, scratch, scratchLength, digits.length);
    scratchLength += digits.length;
    scratch[scratchLength++] = '\r';
    scratch[scratchLength++] = '\n';
  }

  private void bulk(byte[] b, int off, int len) {
    header('$', len);
    ensure(len + 2);
    System.arraycopy(b, off, scratch, scratchLength, len);
    scratchLength += len;
    scratch[scratchLength++] = '\r';
    scratch[scratchLength++] = '\n';
  }

  private void ensure(int n) {
    if (scratchLength + n > scratch.length) scratch = java.util.Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + n));
  }

  /**
   * appendfsync always: whether a connection must hold the replies it is about to send until
   * what was appended so far is on disk; if so, {@code resume} runs on {@code loop} then.
   */
  public boolean holdReplies(Executor loop, Runnable resume) {
    AofWriter w = writer;
    if (w == null || !"always".equals(config.get("appendfsync"))) return false;
    return w.holdUntilDurable(loop, resume);
  }

  // ---- start-up ---------------------------------------------------------------------------

  /**
   * Before the loops serve, with appendonly yes: loads manifest, base and incr files (the RDB
   * file is not read, as in Redis), or creates base and incr files for the current dataset when
   * there is no AOF yet; then opens the last incr file for appending.
   */
  public void openAtStartup() {
    if (!config.getBool("appendonly")) return;
    Shard[] shards = server.router().shards();
    Path dir = dir();
    Path manifestFile = dir.resolve(AofManifest.manifestName(prefix()));
    try {
      if (Files.exists(manifestFile)) {
        manifest = AofManifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        new AofLoad(server, config.getBool("aof-load-truncated")).load(dir, manifest, shards);
        LOG.info(String.format("DB loaded from append only file: %.3f seconds", (System.nanoTime() - t0) / 1e9));
      } else {
        manifest = new AofManifest();
      }
      Files.createDirectories(dir);
      if (manifest.base == null && manifest.incrs.isEmpty()) {
        manifest.baseSeq = 1;
        String base = AofManifest.baseName(prefix(), 1, true);
        server.persistence().writeFile(shards, dir, base);
        manifest.base = new AofManifest.Part(base, 1, 'b');
        LOG.info("Creating AOF base file " + base + " on server start");
      }
      if (manifest.incrs.isEmpty()) {
        manifest.incrSeq++;
        String incr = AofManifest.incrName(prefix(), manifest.incrSeq);
        manifest.incrs.add(new AofManifest.Part(incr, manifest.incrSeq, 'i'));
        LOG.info("Creating AOF incr file " + incr + " on server start");
      }
      manifest.write(dir, prefix());
      Path last = dir.resolve(manifest.incrs.get(manifest.incrs.size() - 1).name());
      lastDb = -1;
      writer = new AofWriter(last, config.get("appendfsync"), p -> { });
      baseSize = manifest.base == null ? 0 : Files.size(dir.resolve(manifest.base.name()));
      sizeAtLastRewrite = currentSize();
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** After the loops started: the cron that starts scheduled and automatic rewrites. */
  public void startCron() {
    cron = server.router().shard(0).loop().scheduleAtFixedRate(this::cronTick, 100, 100, TimeUnit.MILLISECONDS);
  }

  private void cronTick() {
    if (rewriting || server.persistence().bgsaveInProgress()) return;
    boolean due = rewriteScheduled;
    if (!due && writer != null) {
      long pct = config.getLong("auto-aof-rewrite-percentage");
      long size = currentSize();
      long base = Math.max(1, sizeAtLastRewrite);
      due = pct > 0 && size > config.getLong("auto-aof-rewrite-min-size") && (size - base) * 100 / base >= pct;
      if (due) LOG.info("Starting automatic rewriting of AOF on " + (size - base) * 100 / base + "% growth");
    }
    if (!due) return;
    rewriteScheduled = false;
    onAll(shards -> {
      String err = rewrite(shards);
      if (err != null && !err.startsWith("+")) LOG.fine("AOF rewrite: " + err);
    });
  }

  // ---- on / off ---------------------------------------------------------------------------

  /** CONFIG SET appendonly yes, every shard held: feeding starts now into a new incr file, and a rewrite writes the base. */
  private synchronized void enable(Shard[] shards) {
    if (writer != null) return;
    try {
      Path dir = dir();
      Files.createDirectories(dir);
      Path manifestFile = dir.resolve(AofManifest.manifestName(prefix()));
      manifest = Files.exists(manifestFile) ? AofManifest.parse(Files.readString(manifestFile)) : new AofManifest();
      manifest.incrSeq++;
      String incr = AofManifest.incrName(prefix(), manifest.incrSeq);
      // Not in the manifest until the rewrite's base is: the files before it do not hold this dataset.
      lastDb = -1;
      writer = new AofWriter(dir.resolve(incr), config.get("appendfsync"), p -> { });
      pendingIncr = new AofManifest.Part(incr, manifest.incrSeq, 'i');
    } catch (IOException e) {
      LOG.warning("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. " + e.getMessage());
      return;
    }
    String err = startRewrite(shards, true);
    if (err != null) rewriteScheduled = true;
  }

  /** An incr file opened for a rewrite, added to the manifest when the rewrite's base is in place. */
  private AofManifest.Part pendingIncr;

  /** CONFIG SET appendonly no: writes and forces what is buffered, closes the file. */
  private synchronized void disable() {
    AofWriter w = writer;
    if (w == null) return;
    writer = null;
    rewriteScheduled = false;
    w.close();
    if (rewriting) server.persistence().abortBackground("AOF turned off");
  }

  /** At server stop: everything appended is written and forced. */
  public void close() {
    if (cron != null) cron.cancel(false);
    AofWriter w;
    synchronized (this) {
      w = writer;
      writer = null;
    }
    if (w != null) w.close();
  }

  // ---- BGREWRITEAOF -----------------------------------------------------------------------

  /**
   * BGREWRITEAOF, every shard held. Returns null when started, "+..." when scheduled behind a
   * BGSAVE (a status reply), or Redis's error text.
   */
  public synchronized String rewrite(Shard[] shards) {
    if (rewriting) return "ERR Background append only file rewriting already in progress";
    if (server.persistence().bgsaveInProgress()) {
      rewriteScheduled = true;
      return "+Background append only file rewriting scheduled";
    }
    if (writer == null) {
      // appendonly no: Redis still writes a fresh base (and an empty incr) so the files are current.
      try {
        Files.createDirectories(dir());
        Path manifestFile = dir().resolve(AofManifest.manifestName(prefix()));
        manifest = Files.exists(manifestFile) ? AofManifest.parse(Files.readString(manifestFile)) : new AofManifest();
      } catch (IOException e) {
        return "ERR " + e.getMessage();
      }
      return startRewrite(shards, false);
    }
    // The new incr file is created and listed before anything goes to it: the old base + incrs +
    // this one still hold everything, should the rewrite fail or the server die meanwhile.
    manifest.incrSeq++;
    String incr = AofManifest.incrName(prefix(), manifest.incrSeq);
    Path dir = dir();
    try {
      Files.write(dir.resolve(incr), new byte[0]);
      manifest.incrs.add(new AofManifest.Part(incr, manifest.incrSeq, 'i'));
      manifest.write(dir, prefix());
    } catch (IOException e) {
      return "ERR " + e.getMessage();
    }
    LOG.info("Creating AOF incr file " + incr + " on background rewrite");
    lastDb = -1; // the new file starts with its own SELECT
    writer.rotate(new AofWriter.Rotate(dir.resolve(incr), null));
    return startRewrite(shards, false);
  }

  private String startRewrite(Shard[] shards, boolean enabling) {
    long seq = manifest.baseSeq + 1;
    String base = AofManifest.baseName(prefix(), seq, true);
    long firstIncrSeq = manifest.incrSeq; // files from this one on follow the new base
    boolean aofOn = writer != null;
    String temp = "temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof";
    rewriting = true;
    rewriteStartMillis = System.currentTimeMillis();
    boolean started = server.persistence().startBackgroundFile(shards, dir(), base, temp,
        ok -> rewriteDone(ok, seq, base, firstIncrSeq, aofOn));
    if (!started) {
      rewriting = false;
      rewriteScheduled = true;
      return "+Background append only file rewriting scheduled";
    }
    LOG.info("Background append only file rewriting started");
    return null;
  }

  /** On the snapshot's writer thread: the new base is in place (or not). */
  private void rewriteDone(boolean ok, long seq, String base, long firstIncrSeq, boolean aofOn) {
    synchronized (this) {
      rewriting = false;
      lastRewriteSeconds = (System.currentTimeMillis() - rewriteStartMillis) / 1000;
      lastRewriteOk = ok;
      if (!ok) {
        if (writer != null) rewriteScheduled = pendingIncr != null; // enabling: try again
        return;
      }
      rewrites++;
      Path dir = dir();
      List<String> obsolete = new ArrayList<>();
      if (manifest.base != null) obsolete.add(manifest.base.name());
      AofManifest next = new AofManifest();
      next.base = new AofManifest.Part(base, seq, 'b');
      next.baseSeq = seq;
      next.incrSeq = manifest.incrSeq;
      for (AofManifest.Part p : manifest.incrs) {
        if (p.seq() >= firstIncrSeq && aofOn) next.incrs.add(p);
        else obsolete.add(p.name());
      }
      if (pendingIncr != null && writer != null) {
        next.incrs.add(pendingIncr);
        pendingIncr = null;
      }
      if (!aofOn || writer == null) {
        // AOF off: an empty incr keeps the layout Redis writes (base + one incr).
        next.incrSeq++;
        String incr = AofManifest.incrName(prefix(), next.incrSeq);
        try {
          Files.write(dir.resolve(incr), new byte[0]);
        } catch (IOException e) {
          LOG.warning("Creating AOF incr file failed: " + e.getMessage());
        }
        next.incrs.clear();
        next.incrs.add(new AofManifest.Part(incr, next.incrSeq, 'i'));
        for (AofManifest.Part p : manifest.incrs) if (!obsolete.contains(p.name())) obsolete.add(p.name());
      }
      manifest = next;
      writeManifestQuietly();
      for (String f : obsolete) {
        try {
          Files.deleteIfExists(dir.resolve(f));
        } catch (IOException e) {
          LOG.warning("Removing the history file " + f + " failed: " + e.getMessage());
        }
      }
      try {
        baseSize = Files.size(dir.resolve(base));
      } catch (IOException e) {
        baseSize = 0;
      }
      sizeAtLastRewrite = currentSize();
    }
    LOG.info("Background AOF rewrite terminated with success");
    LOG.info("Background AOF rewrite finished successfully");
  }

  private void writeManifestQuietly() {
    try {
      manifest.write(dir(), prefix());
    } catch (IOException e) {
      LOG.warning("Error writing the AOF manifest: " + e.getMessage());
      lastRewriteOk = false;
    }
  }

  /** Waits until the writer has written and forced everything appended so far (tests, BGREWRITEAOF checks). */
  public void sync() {
    AofWriter w = writer;
    if (w != null) w.sync();
  }

  /** Waits for a running rewrite to end (tests). */
  public boolean awaitRewrite(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (rewriting || rewriteScheduled) {
      if (System.currentTimeMillis() > end) return false;
      Thread.sleep(10);
    }
    return true;
  }

  // ---- INFO persistence ---------------------------------------------------------------------

  public boolean rewriting() { return rewriting; }
  public boolean rewriteScheduled() { return rewriteScheduled; }
  public long lastRewriteSeconds() { return lastRewriteSeconds; }
  public long currentRewriteSeconds() { return rewriting ? (System.currentTimeMillis() - rewriteStartMillis) / 1000 : -1; }
  public boolean lastRewriteOk() { return lastRewriteOk; }
  public long rewrites() { return rewrites; }
  public boolean lastWriteOk() { AofWriter w = writer; return w == null || w.lastWriteOk(); }
  public long baseSize() { return baseSize; }
  public long bufferLength() { AofWriter w = writer; return w == null ? 0 : w.buffered(); }

  /** Base plus every incr file, as Redis's aof_current_size. */
  public synchronized long currentSize() {
    if (manifest == null) return 0;
    long n = 0;
    Path dir = dir();
    List<AofManifest.Part> parts = new ArrayList<>(manifest.incrs);
    if (manifest.base != null) parts.add(manifest.base);
    if (pendingIncr != null) parts.add(pendingIncr);
    for (AofManifest.Part p : parts) {
      try {
        n += Files.size(dir.resolve(p.name()));
      } catch (IOException e) {
        // deleted meanwhile
      }
    }
    return n;
  }

  // ---- helpers ----------------------------------------------------------------------------

  private void onAll(java.util.function.Consumer<Shard[]> body) {
    Shard[] shards = server.router().shards();
    server.scheduler().schedule(new MultiShardTx(shards[0], shards, () -> body.accept(shards)));
  }
}
