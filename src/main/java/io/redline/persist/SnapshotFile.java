package io.redline.persist;

import io.redline.shard.Shard;
import io.redline.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every shard's data to an RDB file in one go, on the calling thread, while the caller
 * holds every shard (SAVE, DEBUG RELOAD, shutdown): nothing changes meanwhile, so no snapshot
 * hooks are needed and each database is written once, in order, as Redis lays a file out.
 */
final class SnapshotFile {
  private static final int FLUSH_BYTES = 1 << 20;

  private SnapshotFile() {}

  /** The file's opening bytes: header, modules' aux records, and (for a background save) resize hints. */
  static RdbOutput header(String version, boolean compress, List<AuxCodec> aux) {
    RdbOutput out = new RdbOutput(4096, compress);
    Runtime rt = Runtime.getRuntime();
    RdbHeader.write(out, version, rt.totalMemory() - rt.freeMemory());
    for (AuxCodec c : aux) c.write(out);
    return out;
  }

  /** Key and expiry counts per database over all shards. */
  static long[][] counts(Shard[] shards, int databases) {
    long[][] n = new long[databases][2];
    for (Shard s : shards) {
      for (int db = 0; db < databases; db++) {
        Database d = s.database(db);
        n[db][0] += d.size();
        n[db][1] += d.expiring();
      }
    }
    return n;
  }

  static long write(Path dir, String fileName, String tempName, Shard[] shards, String version, boolean compress,
                    boolean checksum, List<AuxCodec> aux) throws IOException {
    RdbFile file = RdbFile.create(dir, fileName, tempName);
    try {
      RdbOutput out = header(version, compress, aux);
      int databases = shards[0].databaseCount();
      long[][] counts = counts(shards, databases);
      ValueEncoder enc = new ValueEncoder();
      long keys = 0;
      for (int db = 0; db < databases; db++) {
        if (counts[db][0] == 0) continue;
        RdbHeader.selectDb(out, db, counts[db][0], counts[db][1]);
        for (Shard s : shards) {
          s.database(db).forEach(e -> {
            enc.writeEntry(out, e.key(), e.value(), e.expireAt());
            if (out.size() >= FLUSH_BYTES) {
              try {
                file.write(out);
              } catch (IOException x) {
                throw new UncheckedIOException(x);
              }
              out.reset();
            }
          });
        }
        keys += counts[db][0];
      }
      file.write(out);
      file.commit(checksum);
      return keys;
    } catch (UncheckedIOException e) {
      file.abandon();
      throw e.getCause();
    } catch (IOException | RuntimeException e) {
      file.abandon();
      throw e;
    }
  }
}
