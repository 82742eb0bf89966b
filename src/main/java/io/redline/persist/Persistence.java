package io.redline.persist;

import io.redline.config.ServerConfig;
import io.redline.server.ServerContext;
import io.redline.shard.MultiShardTx;
import io.redline.shard.Shard;
import io.redline.store.Database;
import io.redline.store.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A server's RDB persistence: SAVE, BGSAVE (a point-in-time image written by the shards while
 * they keep serving), save points, loading at start-up and on DEBUG RELOAD, and the state INFO
 * persistence and LASTSAVE report. See docs/persistence.md.
 *
 * <p>Methods that take {@code shards} must be called by a command holding every shard; the
 * "blocking" ones from a thread that is not an event loop.
 */
public final class Persistence {
  private static final Logger LOG = Logger.getLogger("redline");
  /** Redis's CONFIG_BGSAVE_RETRY_DELAY: after a failed BGSAVE, save points wait this long before trying again. */
  private static final long RETRY_DELAY_MILLIS = 5000;
  private static final AtomicInteger EPOCHS = new AtomicInteger();

  private final ServerContext server;
  private final ServerConfig config;
  private final List<AuxCodec> auxCodecs = new CopyOnWriteArrayList<>();

  private volatile BackgroundSave current;
  private volatile long lastSaveMillis = System.currentTimeMillis(); // Redis counts start-up as a save
  private volatile boolean lastBgsaveOk = true;
  private volatile long lastBgsaveTryMillis;
  private volatile long lastBgsaveSeconds = -1;
  private volatile long dirtyAtLastSave;
  private volatile long saves;
  private volatile long lastLoadLoaded;
  private volatile long lastLoadExpired;
  private volatile boolean bgsaveScheduled;
  private ScheduledFuture<?> cron;

  public Persistence(ServerContext server) {
    this.server = server;
    this.config = server.config();
  }

  /** A module's non-key state to save and load with the keys (function libraries). */
  public void register(AuxCodec codec) { auxCodecs.add(codec); }

  /** DEBUG RELOAD's flush: the modules' state outside the keyspace goes with the keys. */
  public void clearAux() { auxCodecs.forEach(AuxCodec::clear); }

  // ---- configuration -----------------------------------------------------------------------

  public Path file() { return dir().resolve(config.get("dbfilename")); }

  private Path dir() { return Path.of(config.get("dir")); }

  public boolean savePointsConfigured() { return PersistenceOptions.savePoints(config.get("save")).length > 0; }

  private ValueDecoder decoder() {
    return new ValueDecoder(new ValueDecoder.Limits(
        config.getLong("hash-max-listpack-entries"), config.getLong("hash-max-listpack-value"),
        config.getLong("zset-max-listpack-entries"), config.getLong("zset-max-listpack-value"),
        Math.min(config.getLong("set-max-intset-entries"), 1 << 30)));
  }

  /** The decoder RESTORE uses: the current encoding limits. */
  public ValueDecoder restoreDecoder() { return decoder(); }

  public boolean compression() { return config.getBool("rdbcompression"); }

  private static String tempName(String kind) { return "temp-" + ProcessHandle.current().pid() + kind + ".rdb"; }

  // ---- state for INFO and LASTSAVE ----------------------------------------------------------

  public boolean bgsaveInProgress() { return current != null; }
  public long lastSaveSeconds() { return lastSaveMillis / 1000; }
  public boolean lastBgsaveOk() { return lastBgsaveOk; }
  public long lastBgsaveSeconds() { return lastBgsaveSeconds; }
  public long saves() { return saves; }
  public long lastLoadLoaded() { return lastLoadLoaded; }
  public long lastLoadExpired() { return lastLoadExpired; }
  public long changesSinceLastSave() { return Math.max(0, server.stats().dirty.sum() - dirtyAtLastSave); }

  public long currentBgsaveSeconds() {
    BackgroundSave s = current;
    return s == null ? -1 : (System.currentTimeMillis() - s.startMillis) / 1000;
  }

  public long currentSaveKeysProcessed() {
    BackgroundSave s = current;
    return s == null ? 0 : s.keysDone.sum();
  }

  public long currentSaveKeysTotal() {
    BackgroundSave s = current;
    return s == null ? 0 : s.keysTotal;
  }

  // ---- saving ------------------------------------------------------------------------------

  /** SAVE (and DEBUG RELOAD, shutdown): writes the whole dataset now. The caller holds every shard. */
  public void saveNow(Shard[] shards) throws IOException {
    long dirty = server.stats().dirty.sum();
    try {
      long keys = SnapshotFile.write(dir(), config.get("dbfilename"), tempName(""), shards, ServerContext.VERSION,
          compression(), config.getBool("rdbchecksum"), auxCodecs);
      LOG.info("DB saved on disk (" + keys + " keys)");
    } catch (IOException e) {
      LOG.warning("Failed saving the DB: " + e.getMessage());
      throw e;
    }
    dirtyAtLastSave = dirty;
    lastSaveMillis = System.currentTimeMillis();
    saves++;
  }

  /**
   * BGSAVE: takes the point in time now (the caller holds every shard, so it is the same instant
   * for all of them) and returns at once; the shards write their parts as they go on serving.
   * Returns null when started, or Redis's error text.
   */
  public synchronized String startBackground(Shard[] shards) {
    if (current != null) return "ERR Background save already in progress";
    lastBgsaveTryMillis = System.currentTimeMillis();
    begin(shards, dir(), config.get("dbfilename"), tempName("-bg"), this::backgroundDone);
    return null;
  }

  /**
   * BGREWRITEAOF's base file (io.redline.aof): the same point-in-time snapshot as BGSAVE, written
   * to {@code dir/fileName}; {@code onDone} (on the writer thread) gets whether it was renamed into
   * place. Returns false when a background save already runs (one snapshot at a time per table).
   */
  public synchronized boolean startBackgroundFile(Shard[] shards, Path dir, String fileName, String tempName,
                                                  java.util.function.Consumer<Boolean> onDone) {
    if (current != null) return false;
    begin(shards, dir, fileName, tempName, o -> {
      synchronized (this) {
        current = null;
        notifyAll();
      }
      if (!o.ok()) LOG.warning("Background AOF rewrite terminated with error: " + o.error());
      onDone.accept(o.ok());
    });
    return true;
  }

  /** SAVE's synchronous writer for another file (the AOF base at start-up). The caller holds every shard. */
  public long writeFile(Shard[] shards, Path dir, String fileName) throws IOException {
    return SnapshotFile.write(dir, fileName, tempName("-aof"), shards, ServerContext.VERSION, compression(),
        config.getBool("rdbchecksum"), auxCodecs);
  }

  private void begin(Shard[] shards, Path dir, String fileName, String tempName,
                     java.util.function.Consumer<BackgroundSave.Outcome> onDone) {
    int databases = shards[0].databaseCount();
    boolean compress = compression();
    RdbOutput header = SnapshotFile.header(ServerContext.VERSION, compress, auxCodecs);
    long[][] counts = SnapshotFile.counts(shards, databases);
    long total = 0;
    for (int db = 0; db < databases; db++) {
      // Resize hints up front, each followed by its own SELECTDB as chunks arrive.
      if (counts[db][0] > 0) RdbHeader.selectDb(header, db, counts[db][0], counts[db][1]);
      total += counts[db][0];
    }
    BackgroundSave save = new BackgroundSave(dir, fileName, tempName, header.toByteArray(),
        shards.length, total, server.stats().dirty.sum(), config.getBool("rdbchecksum"), onDone);
    current = save;
    int epoch = EPOCHS.incrementAndGet();
    ShardSnapshot[] parts = new ShardSnapshot[shards.length];
    long delay = config.getLong("rdb-key-save-delay");
    for (int i = 0; i < shards.length; i++) parts[i] = new ShardSnapshot(shards[i], save, compress, epoch, delay);
    for (ShardSnapshot p : parts) p.start();
    LOG.info("Background saving started (" + total + " keys, " + shards.length + " shards)");
  }

  /** On the writer thread when a background save ends. */
  private void backgroundDone(BackgroundSave.Outcome o) {
    synchronized (this) {
      current = null;
      lastBgsaveSeconds = (o.endMillis() - o.startMillis()) / 1000;
      if (o.ok()) {
        dirtyAtLastSave = o.dirtyAtStart();
        lastSaveMillis = o.endMillis();
        lastBgsaveOk = true;
        saves++;
      } else if (!o.cancelled()) {
        lastBgsaveOk = false; // a deliberate stop (FLUSHALL, SHUTDOWN) is no error, as Redis's SIGUSR1 kill
      }
      notifyAll();
    }
    if (o.ok()) LOG.info("Background saving terminated with success");
    else if (o.cancelled()) LOG.info("Background saving stopped: " + o.error());
    else LOG.warning("Background saving error: " + o.error());
  }

  /**
   * FLUSHALL, every shard held: as Redis does, a background save in progress is stopped and, with
   * save points set, the now empty dataset is saved at once, so that a restart does not bring
   * the flushed keys back. The change count stays (Redis keeps it for replication and the AOF).
   */
  public void flushedAll(Shard[] shards) {
    abortBackground("FLUSHALL");
    if (shards == null || !savePointsConfigured()) return;
    try {
      SnapshotFile.write(dir(), config.get("dbfilename"), tempName(""), shards, ServerContext.VERSION, compression(),
          config.getBool("rdbchecksum"), auxCodecs);
      lastSaveMillis = System.currentTimeMillis();
      saves++;
    } catch (IOException e) {
      LOG.warning("Failed saving the DB after FLUSHALL: " + e.getMessage());
    }
  }

  /** Stops a running background save (its temporary file is deleted); the last saved file stays. */
  public void abortBackground(String why) {
    BackgroundSave s = current;
    if (s != null) s.abort(why);
  }

  /** BGSAVE SCHEDULE and BGSAVE inside MULTI: started by the cron as soon as nothing else runs. */
  public void schedule() { bgsaveScheduled = true; }

  /** Waits until no background save runs (tests, shutdown). */
  public synchronized boolean awaitBackground(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (current != null) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) return false;
      wait(left);
    }
    return true;
  }

  // ---- from outside the event loops (shutdown, SIGTERM, save points) --------------------------

  /** Runs {@code body} with every shard held, on shard 0's loop; completes when it has run. */
  private CompletableFuture<Void> onAllShards(java.util.function.Consumer<Shard[]> body) {
    Shard[] shards = server.router().shards();
    CompletableFuture<Void> done = new CompletableFuture<>();
    server.scheduler().schedule(new MultiShardTx(shards[0], shards, () -> {
      try {
        body.accept(shards);
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }));
    return done;
  }

  /**
   * SHUTDOWN and SIGTERM: stops any background save and saves synchronously, as Redis does
   * before exiting. Blocks; call from a thread that is not an event loop. True on success.
   */
  public boolean saveBeforeExit() {
    abortBackground("shutting down");
    try {
      awaitBackground(30_000);
      onAllShards(shards -> {
        try {
          saveNow(shards);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).get();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warning("Error trying to save the DB, can't exit: " + e.getMessage());
      return false;
    }
  }

  /** Whether a save could create its file now (SHUTDOWN checks before it commits to exiting). */
  public String checkWritable() {
    Path probe = dir().resolve(tempName("-probe"));
    try {
      Files.deleteIfExists(Files.createFile(probe));
      return null;
    } catch (IOException e) {
      return "Failed opening the temp RDB file " + probe.getFileName() + " (in server root dir " + dir() + "): " + e.getMessage();
    }
  }

  /** Checks the save points every 100 ms, as Redis's serverCron does (on shard 0's loop). */
  public void startCron() {
    Shard s0 = server.router().shard(0);
    cron = s0.loop().scheduleAtFixedRate(this::cronTick, 100, 100, TimeUnit.MILLISECONDS);
  }

  private void cronTick() {
    if (current != null) return;
    long now = System.currentTimeMillis();
    boolean retryAllowed = now - lastBgsaveTryMillis > RETRY_DELAY_MILLIS || lastBgsaveOk;
    boolean due = bgsaveScheduled && retryAllowed;
    if (!due && retryAllowed) {
      long changes = changesSinceLastSave();
      for (long[] p : PersistenceOptions.savePoints(config.get("save"))) {
        if (changes >= p[1] && (now - lastSaveMillis) / 1000 > p[0]) {
          LOG.info(p[1] + " changes in " + p[0] + " seconds. Saving...");
          due = true;
          break;
        }
      }
    }
    if (!due) return;
    bgsaveScheduled = false;
    lastBgsaveTryMillis = now; // so a start that fails is not retried every tick
    onAllShards(shards -> {
      String err = startBackground(shards);
      if (err != null) LOG.fine("save point: " + err);
    });
  }

  /** At stop: no more save points; a background save in progress is abandoned. */
  public void close() {
    if (cron != null) cron.cancel(false);
    abortBackground("server stopping");
  }

  // ---- loading -----------------------------------------------------------------------------

  /**
   * Start-up: loads the file if there is one, before any event loop serves (so no other thread
   * touches the shards yet). A damaged file stops the start, as Redis refuses to start with one.
   */
  public void loadAtStartup() {
    Path f = file();
    if (!Files.exists(f)) return;
    long t0 = System.nanoTime();
    try {
      load(server.router().shards(), false);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Fatal error loading the DB " + f + ": " + e.getMessage() + ". Exiting.", e);
    }
    LOG.info(String.format("DB loaded from disk: %.3f seconds", (System.nanoTime() - t0) / 1e9));
  }

  /**
   * DEBUG RELOAD's load (and start-up's): every key of the file into the shards that own it.
   * {@code merge}: a key already present is replaced (DEBUG RELOAD MERGE) instead of an error.
   */
  public RdbLoader.Result load(Shard[] shards, boolean merge) throws IOException {
    return load(file(), shards, merge);
  }

  /** {@link #load(Shard[], boolean)} from another file (the AOF's RDB base). */
  public RdbLoader.Result load(Path file, Shard[] shards, boolean merge) throws IOException {
    for (AuxCodec c : auxCodecs) c.startLoad(merge);
    io.redline.shard.ShardRouter router = server.router();
    int lru = (int) (System.currentTimeMillis() / 1000);
    RdbLoader.Result r = RdbLoader.load(file, decoder(), shards[0].databaseCount(), config.getBool("rdbchecksum"),
        auxCodecs, new RdbLoader.Target() {
          @Override
          public void put(int db, byte[] key, Object value, long expireAt, long idle, int freq) throws RdbFormatException {
            Database d = shards[router.shardOf(key)].database(db);
            Entry old = d.peek(key);
            if (old != null) {
              if (!merge) throw new RdbFormatException("RDB has duplicated key '" + new String(key, java.nio.charset.StandardCharsets.UTF_8) + "' in DB " + db);
              d.delete(old);
            }
            Entry e = d.add(key, value);
            if (expireAt != -1) d.setExpire(e, expireAt);
            if (idle >= 0) e.touch((int) Math.max(0, lru - Math.min(idle, Integer.MAX_VALUE)));
          }

          @Override
          public void expectKeys(int db, long keys) {
            // Keys spread evenly over the shards by slot.
            for (Shard s : shards) s.database(db).expand(keys / shards.length + keys / (8L * shards.length));
          }
        });
    lastLoadLoaded = r.loaded();
    lastLoadExpired = r.expired();
    return r;
  }
}
