package io.redline.persist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads an RDB file (versions 1 to 10) as Redis 7.0's rdbLoadRio does and hands every live key
 * to a {@link Target}: opcodes for expiry, LRU idle time, LFU frequency, database selection,
 * resize hints, aux fields and module/function records, then the EOF opcode and the CRC-64.
 * Keys whose expiry has passed are counted and dropped, as on a Redis primary; empty
 * collections are skipped with a warning; anything malformed stops the load with
 * {@link RdbFormatException}.
 */
public final class RdbLoader {
  private static final Logger LOG = Logger.getLogger("redline");

  /** Where loaded keys go. */
  public interface Target {
    /**
     * Stores one key. {@code expireAt} is -1 for none; {@code idleSeconds} and {@code freq} are
     * -1 when the file has no LRU / LFU information for it.
     */
    void put(int db, byte[] key, Object value, long expireAt, long idleSeconds, int freq) throws RdbFormatException;

    /** The file's RESIZEDB hint: about {@code keys} keys follow for database {@code db}. */
    default void expectKeys(int db, long keys) {}
  }

  /** What a load did, for INFO's rdb_last_load_keys_loaded / _expired. */
  public record Result(long loaded, long expired, long emptySkipped) {}

  private RdbLoader() {}

  /**
   * Loads {@code file}. {@code databases}: the server's count (a file selecting a higher one is
   * refused); {@code verifyChecksum}: the rdbchecksum setting; {@code aux}: readers of
   * non-key records by opcode.
   */
  public static Result load(Path file, ValueDecoder decoder, int databases, boolean verifyChecksum,
                            List<AuxCodec> aux, Target target) throws IOException {
    try (FileRdbInput in = new FileRdbInput(file)) {
      return load(in, decoder, databases, verifyChecksum, aux, target);
    }
  }

  private static Result load(FileRdbInput in, ValueDecoder decoder, int databases, boolean verifyChecksum,
                             List<AuxCodec> aux, Target target) throws IOException {
    byte[] magic = new byte[9];
    if (in.remaining() < 9) throw in.corrupt("file too short for an RDB header");
    in.readFully(magic, 0, 9);
    String head = new String(magic, StandardCharsets.ISO_8859_1);
    if (!head.startsWith("REDIS")) throw new RdbFormatException("Wrong signature trying to load DB from file");
    int version;
    try {
      version = Integer.parseInt(head.substring(5));
    } catch (NumberFormatException e) {
      throw new RdbFormatException("Can't handle RDB format version " + head.substring(5));
    }
    if (version < 1 || version > RdbTypes.RDB_VERSION) throw new RdbFormatException("Can't handle RDB format version " + version);

    long now = System.currentTimeMillis();
    int db = 0;
    long expireAt = -1;
    long idle = -1;
    int freq = -1;
    long loaded = 0, expired = 0, empty = 0;
    while (true) {
      int type = in.readUnsignedByte();
      switch (type) {
        case RdbTypes.OPCODE_EXPIRETIME -> {
          expireAt = (long) in.readIntLE() * 1000; // seconds, a signed 32-bit time_t as rdbLoadTime reads it
          continue;
        }
        case RdbTypes.OPCODE_EXPIRETIME_MS -> {
          expireAt = in.readLongLE();
          continue;
        }
        case RdbTypes.OPCODE_FREQ -> {
          freq = in.readUnsignedByte();
          continue;
        }
        case RdbTypes.OPCODE_IDLE -> {
          idle = in.readLength();
          continue;
        }
        case RdbTypes.OPCODE_SELECTDB -> {
          long n = in.readLength();
          if (n >= databases) {
            throw new RdbFormatException("Data file was created with a Redis server configured to handle more than "
                + databases + " databases");
          }
          db = (int) n;
          continue;
        }
        case RdbTypes.OPCODE_RESIZEDB -> {
          long keys = in.readLength();
          in.readLength(); // expiring keys: Redline's expiry index grows as keys arrive
          // Only a hint, and a corrupt one must not make us allocate: bounded by the file's size.
          target.expectKeys(db, Math.min(keys, in.remaining() / 3));
          continue;
        }
        case RdbTypes.OPCODE_AUX -> {
          byte[] key = in.readString();
          byte[] value = in.readString();
          String k = new String(key, StandardCharsets.UTF_8);
          if (k.equals("redis-ver")) LOG.info("Loading RDB produced by version " + new String(value, StandardCharsets.UTF_8));
          else if (k.startsWith("%")) LOG.info("RDB '" + k + "': " + new String(value, StandardCharsets.UTF_8));
          continue;
        }
        case RdbTypes.OPCODE_MODULE_AUX -> throw new RdbFormatException("The RDB file contains AUX module data I can't load");
        case RdbTypes.OPCODE_FUNCTION2, RdbTypes.OPCODE_FUNCTION_PRE_GA -> {
          AuxCodec c = auxFor(aux, type);
          if (c != null) {
            c.read(type, in);
          } else if (type == RdbTypes.OPCODE_FUNCTION2) {
            in.readString();
            LOG.warning("RDB file has a function library and no module here loads functions: skipped");
          } else {
            throw new RdbFormatException("function records of a Redis 7.0 release candidate cannot be loaded");
          }
          continue;
        }
        case RdbTypes.OPCODE_EOF -> {
          long computed = in.checksum();
          if (version >= 5) {
            long stored = in.readLongLE();
            if (verifyChecksum) {
              if (stored == 0) LOG.warning("RDB file was saved with checksum disabled: no check performed.");
              else if (stored != computed) {
                throw new RdbFormatException(String.format("Wrong RDB checksum expected: (%x) but got (%x)", stored, computed));
              }
            }
          }
          if (empty > 0) LOG.warning("Done loading RDB, keys loaded: " + loaded + ", keys expired: " + expired + ", empty keys skipped: " + empty + ".");
          else LOG.info("Done loading RDB, keys loaded: " + loaded + ", keys expired: " + expired + ".");
          return new Result(loaded, expired, empty);
        }
        default -> {
          if (!RdbTypes.isValueType(type)) throw in.corrupt("Unknown RDB type " + type);
          byte[] key = in.readString();
          Object value = decoder.read(type, in);
          if (value == null) {
            if (empty++ < 10) LOG.warning("rdbLoadObject skipping empty key: " + new String(key, StandardCharsets.UTF_8));
          } else if (expireAt != -1 && expireAt < now) {
            expired++;
          } else {
            target.put(db, key, value, expireAt, idle, freq);
            loaded++;
          }
          expireAt = -1;
          idle = -1;
          freq = -1;
        }
      }
    }
  }

  private static AuxCodec auxFor(List<AuxCodec> codecs, int opcode) {
    for (AuxCodec c : codecs) for (int o : c.readOpcodes()) if (o == opcode) return c;
    return null;
  }
}
