// Compiles and runs EVAL scripts in Redis 7.0's Lua sandbox.
package io.redline.modules.lua;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * One Lua interpreter, as Redis keeps one per server: scripts are compiled once per SHA1 and run
 * with KEYS and ARGV set. Not thread-safe; the caller runs one script at a time (atomically).
 *
 * <p>Replies and errors come back as {@link ScriptReply} with Redis's exact texts, including the
 * " script: &lt;sha&gt;, on @user_script:&lt;line&gt;." suffix of runtime errors.
 */
public final class ScriptEngine {
  private static final Pattern LUAJ_POSITION = Pattern.compile("^@?([^\\s:]+):(\\d+) (.*)$", Pattern.DOTALL);
  private static final Pattern LUAJ_COMPILE = Pattern.compile("^@?([^\\s:]+):(\\d+): ?(.*)$", Pattern.DOTALL);

  private static final Pattern SYMBOL_TOKEN = Pattern.compile("^(.*) (\\d+) \\((.*)\\)$", Pattern.DOTALL);
  private static final int LUAJ_EOS = 286;

  private final RedisLib redis;
  private final KillHook hook;
  private final Sandbox sandbox;
  private final Map<String, LuaFunction> scripts = new HashMap<>();
  private final Map<String, Set<String>> flags = new HashMap<>();
  private volatile long startedNanos;
  private volatile boolean running;

  public ScriptEngine(CommandInvoker invoker, Supplier<Boolean> killRequested) {
    this.redis = new RedisLib(invoker);
    this.hook = new KillHook(killRequested);
    this.sandbox = new Sandbox(redis.build(), hook);
  }

  public static String sha1hex(byte[] body) { return RedisLib.sha1(body); }

  /** SCRIPT LOAD: the SHA1 as a bulk reply, or the compile error. */
  public ScriptReply load(byte[] body) {
    String sha = sha1hex(body);
    if (scripts.containsKey(sha)) return ScriptReply.bulk(sha);
    Shebang shebang = Shebang.parse(body);
    if (shebang.error != null) return ScriptReply.error(shebang.error.getBytes(StandardCharsets.ISO_8859_1));
    try {
      scripts.put(sha, (LuaFunction) sandbox.compile(shebang.body, "@user_script"));
      flags.put(sha, shebang.flags);
      return ScriptReply.bulk(sha);
    } catch (LuaError e) {
      return ScriptReply.error("ERR Error compiling script (new function): " + compileMessage(e));
    }
  }

  public boolean exists(String sha) { return scripts.containsKey(sha.toLowerCase()); }

  /**
   * The "#!lua flags=..." of a loaded script (no-writes, allow-oom, ...), empty for a shebang
   * without flags, null for a script without shebang or not loaded; the host enforces them.
   */
  public Set<String> flags(String sha) { return flags.get(sha.toLowerCase()); }

  /** SCRIPT FLUSH. */
  public void flush() {
    scripts.clear();
    flags.clear();
  }

  public ScriptReply eval(byte[] body, byte[][] keys, byte[][] argv) {
    ScriptReply loaded = load(body);
    if (loaded.isError()) return loaded;
    return evalsha(loaded.text(), keys, argv);
  }

  public ScriptReply evalsha(String sha, byte[][] keys, byte[][] argv) {
    sha = sha.toLowerCase();
    LuaFunction f = scripts.get(sha);
    if (f == null) return ScriptReply.error("NOSCRIPT No matching script. Please use EVAL.");
    sandbox.env.put("KEYS", array(keys));
    sandbox.env.put("ARGV", array(argv));
    redis.reset();
    hook.reset();
    startedNanos = System.nanoTime();
    running = true;
    KillHook.CURRENT.set(hook);
    try {
      LuaValue result = f.call();
      return LuaConversions.toReply(result, redis.resp());
    } catch (LuaError e) {
      return runtimeError(e, sha);
    } catch (StackOverflowError e) {
      String at = hook.position() == null ? "user_script:?" : hook.position();
      return ScriptReply.error("ERR " + at + ": stack overflow script: " + sha + ", on @" + at + ".");
    } finally {
      KillHook.CURRENT.remove();
      running = false;
    }
  }

  /** Whether a script is executing now (for BUSY replies and SCRIPT KILL). */
  public boolean running() { return running; }

  /** How long the current script has run, in milliseconds (0 when none runs). */
  public long runningMillis() { return running ? (System.nanoTime() - startedNanos) / 1_000_000 : 0; }

  private static LuaTable array(byte[][] items) {
    LuaTable t = new LuaTable(items.length, 0);
    for (int i = 0; i < items.length; i++) t.rawset(i + 1, LuaValue.valueOf(items[i]));
    return t;
  }

  /** The rand48 stream math.random draws from; functions share it, as in Redis. */
  RedisRandom random() { return sandbox.random; }

  /** A LuaJ compile error in Lua 5.1's words: "user_script:1: unexpected symbol near '='". */
  static String compileMessage(LuaError e) {
    String m = e.getMessage();
    if (m.endsWith("\n")) m = m.substring(0, m.length() - 1);
    Matcher c = LUAJ_COMPILE.matcher(m);
    if (!c.matches()) return m;
    // LuaJ names a one-character token "43 (+)" where Lua 5.1 says "near '+'".
    String text = c.group(3);
    Matcher t = SYMBOL_TOKEN.matcher(text);
    if (t.matches()) {
      int token = Integer.parseInt(t.group(2));
      if (token < 256) text = t.group(1) + " near '" + (char) token + "'";
      else if (token == LUAJ_EOS) text = t.group(1) + " near '<eof>'";
    }
    return c.group(1) + ":" + c.group(2) + ": " + text;
  }

  /**
   * A runtime error as Redis reports it: the error's text, then " script: {@code name}, on
   * @user_script:3." ({@code name} is the SHA1 for EVAL, the function's name for FCALL).
   */
  static ScriptReply runtimeError(LuaError e, String name) {
    String position = ScriptError.positionOf(e);
    byte[] msg = errorMessage(e);
    String where = position == null ? "@user_script:?" : "@" + position;
    byte[] suffix = (" script: " + name + ", on " + where + ".").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[msg.length + suffix.length];
    System.arraycopy(msg, 0, all, 0, msg.length);
    System.arraycopy(suffix, 0, all, msg.length, suffix.length);
    return ScriptReply.error(all);
  }

  /**
   * An error's text with its code: "ERR " and the positioned message for a string error, the
   * "err" field of an error table (redis.call failures, error_reply tables).
   */
  static byte[] errorMessage(LuaError e) {
    LuaValue value;
    String text;
    if (e instanceof ScriptError se) {
      value = se.value();
      text = value.isstring() ? "ERR " + se.getMessage() : null;
    } else {
      value = e.getMessageObject();
      text = null;
      if (value == null || value.isstring()) {
        String m = value == null ? "unknown error" : value.tojstring();
        if (m.endsWith("\n")) m = m.substring(0, m.length() - 1);
        Matcher p = LUAJ_POSITION.matcher(m);
        text = "ERR " + (p.matches() ? p.group(1) + ":" + p.group(2) + ": " + p.group(3) : m);
      }
    }
    if (text != null) return text.getBytes(StandardCharsets.UTF_8);
    LuaValue err = value.istable() ? value.rawget("err") : LuaValue.NIL;
    return err.isstring() ? LuaConversions.bytes(err) : "ERR unknown error".getBytes(StandardCharsets.UTF_8);
  }
}
