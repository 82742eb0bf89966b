// Redis 7.0 functions: libraries loaded with FUNCTION LOAD, called with FCALL.
package io.redline.modules.lua;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The function engine, with its own Lua state as in Redis 7.0 (separate from EVAL's; only the
 * math.random stream is shared). Every library's code runs in one global environment that is
 * empty and read-only, so libraries can keep nothing global; what a name resolves to depends on
 * the phase, as in Redis:
 * <ul>
 *   <li>while FUNCTION LOAD runs a library's top-level code, only a small {@code redis} table is
 *       visible (register_function, log, LOG_*, REDIS_VERSION[_NUM]); anything else is
 *       "Script attempted to access nonexistent global variable";</li>
 *   <li>when FCALL runs a function, the whole sandbox of EVAL (redis.call, cjson, string...)
 *       without KEYS/ARGV: the function gets them as its two arguments.</li>
 * </ul>
 * Not thread-safe: the caller runs one command at a time (scripts run on the one script worker; the
 * other commands hold every shard).
 */
public final class FunctionEngine {
  /** Redis's LOAD_TIMEOUT_MS: a library's top-level code may run this long. */
  static final long LOAD_TIMEOUT_MS = 500;
  /** The one engine, as FUNCTION LIST and STATS name it. */
  public static final String ENGINE = "LUA";

  private final RedisLib redis;
  private final KillHook hook;
  private final Sandbox runtime;
  private final ReadOnlyGlobals env = new ReadOnlyGlobals();
  private final ReadOnlyTable loadApi;
  private LibrarySet current = new LibrarySet();
  /** The library whose code is running under FUNCTION LOAD/RESTORE, else null. */
  private FunctionLibrary loading;
  /** Read by FUNCTION STATS on another thread. */
  private volatile int libraryCount;
  private volatile int functionCount;

  public FunctionEngine(CommandInvoker invoker, Supplier<Boolean> killRequested, ScriptEngine evalEngine) {
    this.redis = new RedisLib(invoker);
    this.hook = new KillHook(killRequested);
    this.runtime = new Sandbox(redis.build(), hook, evalEngine.random(), false);
    this.loadApi = loadApi(runtime.env.rawget("redis"), new RegisterFunction(() -> loading));
    org.luaj.vm2.LoadState.install(env);
    org.luaj.vm2.compiler.LuaC.install(env);
    env.debuglib = hook;
    LuaTable meta = new LuaTable();
    meta.rawset(LuaValue.INDEX, new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        return (loading != null ? loadApi : runtime.env).get(a.arg(2));
      }
    });
    env.initMetatable(ReadOnlyTable.copyOf(meta));
    env.freeze();
  }

  /** The load-time globals: a {@code redis} table of its own, so a library that keeps it cannot call commands later. */
  private static ReadOnlyTable loadApi(LuaValue runtimeRedis, LuaFunction registerFunction) {
    LuaTable r = new LuaTable();
    r.rawset("register_function", registerFunction);
    for (String k : new String[] {"log", "LOG_DEBUG", "LOG_VERBOSE", "LOG_NOTICE", "LOG_WARNING", "REDIS_VERSION", "REDIS_VERSION_NUM"}) {
      r.rawset(k, runtimeRedis.get(k));
    }
    LuaTable api = new LuaTable();
    api.rawset("redis", missingIsError(r));
    return missingIsError(api);
  }

  private static ReadOnlyTable missingIsError(LuaTable source) {
    ReadOnlyTable t = new ReadOnlyTable();
    for (Varargs n = source.next(LuaValue.NIL); !n.arg1().isnil(); n = source.next(n.arg1())) t.rawset(n.arg1(), n.arg(2));
    LuaTable meta = new LuaTable();
    meta.rawset(LuaValue.INDEX, new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) {
        throw new ScriptError(LuaValue.valueOf("Script attempted to access nonexistent global variable '" + a.arg(2).tojstring() + "'"), true);
      }
    });
    t.setmetatable(ReadOnlyTable.copyOf(meta));
    t.freeze();
    return t;
  }

  /**
   * A refused FUNCTION LOAD / RESTORE; the message is Redis's, without the "ERR " code, one char
   * per byte (Latin-1), since it may quote the library's bytes.
   */
  public static final class Refusal extends Exception {
    public Refusal(String message) { super(message, null, false, false); }
  }

  // ---- libraries ------------------------------------------------------------------------------

  /** FUNCTION LOAD [REPLACE]: the library's name, or a refusal with Redis's text. */
  public String load(byte[] code, boolean replace) throws Refusal {
    String name = create(code, replace, current);
    counted();
    return name;
  }

  /**
   * Redis's functionsCreateWithLibraryCtx: checks the shebang, runs the library's code to collect
   * its functions and links it into {@code into}, replacing a library of the same name only when
   * {@code replace}. On failure {@code into} is as it was.
   */
  private String create(byte[] code, boolean replace, LibrarySet into) throws Refusal {
    LibraryCode meta = LibraryCode.parse(code);
    if (meta.error != null) throw new Refusal(meta.error);
    if (!LibraryCode.validName(meta.name)) {
      throw new Refusal("Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
    }
    if (!meta.engine.equalsIgnoreCase(ENGINE)) throw new Refusal("Engine '" + meta.engine + "' not found");
    FunctionLibrary old = into.library(meta.name);
    if (old != null && !replace) throw new Refusal("Library '" + meta.name + "' already exists");
    if (old != null) into.unlink(old);
    try {
      FunctionLibrary lib = new FunctionLibrary(meta.name, code);
      runLibraryCode(lib, java.util.Arrays.copyOfRange(code, meta.bodyStart, code.length));
      if (lib.functions().isEmpty()) throw new Refusal("No functions registered");
      for (FunctionLibrary.Function f : lib.functions()) {
        if (into.function(f.name()) != null) throw new Refusal("Function " + f.name() + " already exists");
      }
      into.link(lib);
      return lib.name();
    } catch (Refusal e) {
      if (old != null) into.link(old);
      throw e;
    }
  }

  private void runLibraryCode(FunctionLibrary lib, byte[] body) throws Refusal {
    LuaValue chunk;
    try {
      chunk = env.load(new ByteArrayInputStream(body), "@user_function", "t", env);
    } catch (LuaError e) {
      String text = ScriptEngine.compileMessage(e);
      throw new Refusal("Error compiling function: " + new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
    loading = lib;
    hook.reset();
    hook.deadlineAfter(LOAD_TIMEOUT_MS);
    KillHook.CURRENT.set(hook);
    try {
      chunk.call();
    } catch (LuaError e) {
      throw new Refusal("Error registering functions: " + new String(ScriptEngine.errorMessage(e), StandardCharsets.ISO_8859_1));
    } catch (StackOverflowError e) {
      throw new Refusal("Error registering functions: ERR stack overflow");
    } finally {
      KillHook.CURRENT.remove();
      loading = null;
    }
  }

  /** FUNCTION DELETE: false when there is no such library. */
  public boolean delete(String library) {
    FunctionLibrary lib = current.library(library);
    if (lib == null) return false;
    current.unlink(lib);
    counted();
    return true;
  }

  /** FUNCTION FLUSH. */
  public void flush() {
    current = new LibrarySet();
    counted();
  }

  public Collection<FunctionLibrary> libraries() { return current.libraries(); }

  /** FCALL's lookup, ignoring case; null when there is none. */
  public FunctionLibrary.Function function(String name) { return current.function(name); }

  public int libraryCount() { return libraryCount; }

  public int functionCount() { return functionCount; }

  private void counted() {
    libraryCount = current.libraryCount();
    functionCount = current.functionCount();
  }

  // ---- DUMP / RESTORE -------------------------------------------------------------------------

  /** FUNCTION DUMP: every library's code in Redis's payload format, LZF-compressed if {@code compress} (rdbcompression). */
  public byte[] dump(boolean compress) {
    List<byte[]> codes = new ArrayList<>();
    for (FunctionLibrary lib : current.libraries()) codes.add(lib.code());
    return FunctionPayload.dump(codes, compress);
  }

  public enum RestorePolicy { APPEND, REPLACE, FLUSH }

  /**
   * FUNCTION RESTORE: loads the payload's libraries into a set of their own (each one's code runs,
   * as for LOAD), then swaps it in (FLUSH) or joins it with the loaded ones; nothing changes on
   * any error.
   */
  public void restore(byte[] payload, RestorePolicy policy) throws Refusal {
    if (!FunctionPayload.verify(payload)) throw new Refusal("DUMP payload version or checksum are wrong");
    LibrarySet restored = new LibrarySet();
    FunctionPayload.Reader reader = new FunctionPayload.Reader(payload);
    while (reader.hasNext()) {
      byte[] code;
      try {
        code = reader.next();
      } catch (FunctionPayload.Malformed e) {
        throw new Refusal(e.getMessage());
      }
      create(code, false, restored);
    }
    if (policy == RestorePolicy.FLUSH) {
      current = restored;
    } else {
      join(restored, policy == RestorePolicy.REPLACE);
    }
    counted();
  }

  /** Redis's libraryJoin: name clashes fail unless {@code replace}; function clashes always fail. */
  private void join(LibrarySet from, boolean replace) throws Refusal {
    List<FunctionLibrary> displaced = new ArrayList<>();
    try {
      for (FunctionLibrary lib : from.libraries()) {
        FunctionLibrary old = current.library(lib.name());
        if (old == null) continue;
        if (!replace) throw new Refusal("Library " + lib.name() + " already exists");
        current.unlink(old);
        displaced.add(old);
      }
      for (FunctionLibrary lib : from.libraries()) {
        for (FunctionLibrary.Function f : lib.functions()) {
          if (current.function(f.name()) != null) throw new Refusal("Function " + f.name() + " already exists");
        }
      }
    } catch (Refusal e) {
      for (FunctionLibrary old : displaced) current.link(old);
      throw e;
    }
    for (FunctionLibrary lib : from.libraries()) current.link(lib);
  }

  // ---- FCALL ----------------------------------------------------------------------------------

  /** Runs {@code f} with its keys and arguments; errors come back as Redis words them. */
  public ScriptReply call(FunctionLibrary.Function f, byte[][] keys, byte[][] args) {
    redis.reset();
    hook.reset();
    KillHook.CURRENT.set(hook);
    try {
      LuaValue result = f.callback().call(array(keys), array(args));
      return LuaConversions.toReply(result, redis.resp());
    } catch (LuaError e) {
      return ScriptEngine.runtimeError(e, f.name());
    } catch (StackOverflowError e) {
      String at = hook.position() == null ? "user_function:?" : hook.position();
      return ScriptReply.error("ERR " + at + ": stack overflow script: " + f.name() + ", on @" + at + ".");
    } finally {
      KillHook.CURRENT.remove();
    }
  }

  private static LuaTable array(byte[][] items) {
    LuaTable t = new LuaTable(items.length, 0);
    for (int i = 0; i < items.length; i++) t.rawset(i + 1, LuaValue.valueOf(items[i]));
    return t;
  }
}
