// The "redis" table scripts see: call, pcall, error_reply, status_reply, log, setresp...
package io.redline.modules.lua;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Builds the redis library over a {@link CommandInvoker}; holds the script's RESP version. */
final class RedisLib {
  static final String VERSION = "7.0.15";
  static final int VERSION_NUM = 0x07000f;
  private static final System.Logger LOG = System.getLogger("io.redline.modules.lua");

  private final CommandInvoker invoker;
  private int resp = 2;

  RedisLib(CommandInvoker invoker) { this.invoker = invoker; }

  int resp() { return resp; }

  /** Each script starts in RESP2, as in Redis. */
  void reset() {
    resp = 2;
    invoker.resp(2);
  }

  LuaTable build() {
    LuaTable r = new LuaTable();
    r.rawset("call", fn(a -> call(a, true)));
    r.rawset("pcall", fn(a -> call(a, false)));
    r.rawset("error_reply", fn(a -> single(a, "err")));
    r.rawset("status_reply", fn(a -> single(a, "ok")));
    r.rawset("sha1hex", fn(this::sha1hex));
    r.rawset("log", fn(this::log));
    r.rawset("setresp", fn(this::setresp));
    r.rawset("set_repl", fn(this::setRepl));
    r.rawset("replicate_commands", fn(a -> LuaValue.TRUE));
    r.rawset("acl_check_cmd", fn(this::aclCheck));
    // Outside the script debugger both exist and do nothing.
    r.rawset("breakpoint", fn(a -> LuaValue.FALSE));
    r.rawset("debug", fn(a -> LuaValue.NONE));
    r.rawset("LOG_DEBUG", 0);
    r.rawset("LOG_VERBOSE", 1);
    r.rawset("LOG_NOTICE", 2);
    r.rawset("LOG_WARNING", 3);
    r.rawset("REPL_NONE", 0);
    r.rawset("REPL_AOF", 1);
    r.rawset("REPL_SLAVE", 2);
    r.rawset("REPL_REPLICA", 2);
    r.rawset("REPL_ALL", 3);
    r.rawset("REDIS_VERSION", VERSION);
    r.rawset("REDIS_VERSION_NUM", VERSION_NUM);
    return r;
  }

  private interface Body { Varargs apply(Varargs a); }

  private static VarArgFunction fn(Body body) {
    return new VarArgFunction() {
      @Override public Varargs invoke(Varargs a) { return body.apply(a); }
    };
  }

  static ScriptError raise(String message) { return new ScriptError(LuaValue.valueOf(message), false); }

  static LuaValue errTable(byte[] message) { return LuaConversions.singleField("err", LuaValue.valueOf(message)); }

  /** The command words of a redis.call-like call, or null after putting Redis's error table in {@code failure[0]}. */
  private static byte[][] commandArgs(Varargs a, LuaValue[] failure) {
    if (a.narg() == 0) {
      failure[0] = errTable(bytes("ERR Please specify at least one argument for this redis lib call"));
      return null;
    }
    byte[][] args = new byte[a.narg()][];
    for (int i = 0; i < args.length; i++) {
      LuaValue v = a.arg(i + 1);
      if (v.type() == LuaValue.TNUMBER) {
        args[i] = bytes(LuaNumbers.g(v.todouble(), 17));
      } else if (v.type() == LuaValue.TSTRING) {
        args[i] = LuaConversions.bytes(v);
      } else {
        failure[0] = errTable(bytes("ERR Lua redis lib command arguments must be strings or integers"));
        return null;
      }
    }
    return args;
  }

  /** redis.acl_check_cmd(command, args...): may the script's user run it? Unknown commands raise. */
  private Varargs aclCheck(Varargs a) {
    LuaValue[] failure = new LuaValue[1];
    byte[][] args = commandArgs(a, failure);
    if (args == null) throw new ScriptError(failure[0], false);
    Boolean permitted = invoker.aclCheck(args);
    if (permitted == null) throw new ScriptError(errTable(bytes("ERR Invalid command passed to redis.acl_check_cmd()")), false);
    return LuaValue.valueOf(permitted);
  }

  private Varargs call(Varargs a, boolean raise) {
    LuaValue[] failed = new LuaValue[1];
    byte[][] args = commandArgs(a, failed);
    LuaValue failure = failed[0];
    if (failure == null) {
      ScriptReply reply = invoker.call(args);
      if (!reply.isError()) return LuaConversions.toLua(reply);
      failure = errTable(reply.bytes);
    }
    if (raise) throw new ScriptError(failure, false);
    return failure;
  }

  private static Varargs single(Varargs a, String field) {
    if (a.narg() != 1 || a.arg1().type() != LuaValue.TSTRING) return errTable(bytes("ERR wrong number or type of arguments"));
    return LuaConversions.singleField(field, a.arg1());
  }

  private Varargs sha1hex(Varargs a) {
    if (a.narg() != 1) throw raise("wrong number of arguments");
    return LuaValue.valueOf(sha1(a.arg1().isstring() ? LuaConversions.bytes(a.arg1()) : new byte[0]));
  }

  private Varargs log(Varargs a) {
    if (a.narg() < 2) throw raise("redis.log() requires two arguments or more.");
    if (!a.arg1().isnumber()) throw raise("First argument must be a number (log level).");
    int level = a.arg1().toint();
    if (level < 0 || level > 3) throw raise("Invalid debug level.");
    StringBuilder sb = new StringBuilder();
    for (int i = 2; i <= a.narg(); i++) {
      if (i > 2) sb.append(' ');
      LuaValue v = a.arg(i);
      if (v.isstring()) sb.append(v.tojstring());
    }
    System.Logger.Level[] map = {System.Logger.Level.DEBUG, System.Logger.Level.DEBUG, System.Logger.Level.INFO, System.Logger.Level.WARNING};
    LOG.log(map[level], sb.toString());
    return LuaValue.NONE;
  }

  private Varargs setresp(Varargs a) {
    if (a.narg() != 1) throw raise("redis.setresp() requires one argument.");
    int v = a.arg1().optint(0);
    if (v != 2 && v != 3) throw raise("RESP version must be 2 or 3.");
    resp = v;
    invoker.resp(v);
    return LuaValue.NONE;
  }

  private Varargs setRepl(Varargs a) {
    if (a.narg() != 1) throw raise("redis.set_repl() requires one argument.");
    int flags = a.arg1().optint(-1);
    if (flags < 0 || flags > 3) throw raise("Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
    return LuaValue.NONE;
  }

  static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  static String sha1(byte[] data) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(data);
      StringBuilder sb = new StringBuilder(40);
      for (byte b : d) sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
