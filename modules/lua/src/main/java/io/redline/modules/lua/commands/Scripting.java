package io.redline.modules.lua.commands;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.redline.command.BusyTracker;
import io.redline.command.CommandContext;
import io.redline.command.CommandSpec;
import io.redline.modules.lua.CommandInvoker;
import io.redline.modules.lua.FunctionEngine;
import io.redline.modules.lua.ScriptEngine;
import io.redline.modules.lua.ScriptReply;
import io.redline.modules.lua.ScriptReplies;
import io.redline.protocol.Args;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One server's scripting state: the EVAL engine (script cache), the function engine (libraries),
 * and the bridge from redis.call to the command running the script. Scripts run one at a time on
 * the script worker, and the other scripting commands hold every shard, so never overlap one; what SCRIPT KILL, FUNCTION KILL and FUNCTION STATS read
 * from other threads is volatile.
 */
final class Scripting {
  static final String BUSY_SCRIPT = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
  static final String BUSY_FUNCTION = "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
  static final String NOTBUSY = "NOTBUSY No scripts in execution right now.";
  /**
   * Commands Redis 7.0 flags may_replicate without write: refused in read-only scripts like
   * writes. COMMAND INFO (where declarations come from) does not show that flag, hence a list.
   */
  private static final Set<String> MAY_REPLICATE = Set.of("publish", "spublish", "pfcount");

  private CommandContext current;
  private boolean readOnly;
  private int resp = 2;
  /** Set by a KILL (on an event loop), read by the engines' instruction hooks (on the script's thread). */
  private volatile boolean killRequested;
  /** Whether the running script has written: then only SHUTDOWN NOSAVE may stop it, as in Redis. */
  private volatile boolean wrote;
  /** What runs now (for the KILLs and FUNCTION STATS), or null. */
  private volatile Running running;

  /** A run in progress: FUNCTION STATS shows its name, its command and how long it has run. */
  record Running(BusyTracker.Kind kind, String name, byte[][] command, Object client) { }

  /**
   * How a script may run. {@code flags}: its shebang flags, or null for an EVAL script without
   * shebang (the pre-7.0 rules); {@code roCommand}: EVAL_RO, EVALSHA_RO or FCALL_RO.
   */
  record Run(BusyTracker.Kind kind, String name, Set<String> flags, boolean roCommand) { }

  private final CommandInvoker invoker = new CommandInvoker() {
    @Override
    public ScriptReply call(byte[][] args) {
      if (readOnly && refusedAsWrite(args)) return ScriptReply.error("ERR Write commands are not allowed from read-only scripts.");
      ByteBuf buf = Unpooled.buffer(64);
      try {
        int writesBefore = current.nestedWrites().size();
        current.call(args, resp, readOnly, buf);
        if (current.nestedWrites().size() > writesBefore) wrote = true;
        return ScriptReplies.read(ByteBufUtil.getBytes(buf));
      } finally {
        buf.release();
      }
    }

    @Override
    public void resp(int version) { resp = version; }

    @Override
    public Boolean aclCheck(byte[][] args) {
      // No ACL users exist: the default user may run every command, so the question is only
      // whether the command (and subcommand) exists, as Redis's lookupCommand decides it.
      CommandSpec spec = current.server.commands().lookup(Args.of(args));
      if (spec != null && spec.isContainer() && args.length > 1) {
        spec = spec.subcommands().get(spec.name() + "|" + Args.of(args).lowerName(1));
      }
      return spec == null || (spec.handler() == null && !spec.isContainer()) ? null : Boolean.TRUE;
    }
  };

  final ScriptEngine engine = new ScriptEngine(invoker, () -> killRequested);
  final FunctionEngine functions = new FunctionEngine(invoker, () -> killRequested, engine);

  /** A may_replicate command that would pass the core's checks (known, arity, allowed in scripts). */
  private boolean refusedAsWrite(byte[][] args) {
    Args a = Args.of(args);
    if (!MAY_REPLICATE.contains(a.lowerName(0))) return false;
    CommandSpec spec = current.server.commands().lookup(a);
    return spec != null && spec.handler() != null && spec.arityOk(args.length) && !spec.hasFlag("noscript");
  }

  /**
   * Runs {@code body} with redis.call bound to {@code ctx}'s held shards, after Redis's checks of
   * the script's flags (scriptPrepareForRun), reporting the run to the server's busy tracker so
   * that other clients get -BUSY once it passes busy-reply-threshold.
   */
  ScriptReply run(CommandContext ctx, Run run, Supplier<ScriptReply> body) {
    boolean shebang = run.flags() != null;
    boolean noWrites = shebang && run.flags().contains("no-writes");
    // allow-stale, no-cluster and allow-cross-slot-keys only matter with a replica's stale data or
    // cluster mode, which Redline has not.
    if (shebang && !noWrites && run.roCommand()) return ScriptReply.error("ERR Can not execute a script with write flag using *_ro command.");
    boolean allowOom = shebang && run.flags().contains("allow-oom");
    if (!allowOom && ctx.server.memory().overLimit()) {
      // Over maxmemory at the start: a flagged script that may write is refused outright; an old
      // style one runs, but its commands that grow memory fail until it has written (Redis 7.0).
      if (shebang && !noWrites) return ScriptReply.error("OOM command not allowed when used memory > 'maxmemory'.");
      ctx.refuseGrowingCommands();
    }
    current = ctx;
    readOnly = run.roCommand() || noWrites;
    resp = 2;
    wrote = false;
    killRequested = false;
    running = new Running(run.kind(), run.name(), run.kind() == BusyTracker.Kind.FUNCTION ? words(ctx.args) : null, ctx.client());
    ctx.server.busy().begin(run.kind());
    try {
      return body.get();
    } finally {
      ctx.server.busy().end();
      running = null;
      current = null;
    }
  }

  private static byte[][] words(Args a) {
    byte[][] w = new byte[a.size()][];
    for (int i = 0; i < w.length; i++) w[i] = a.bytes(i);
    return w;
  }

  /**
   * What runs now as seen by {@code client}: null when nothing does, or when it is the client's
   * own script (its later commands come after the script in Redis, so they find nothing running).
   */
  Running runningFor(Object client) {
    Running r = running;
    return r == null || r.client() == client ? null : r;
  }

  /**
   * SCRIPT KILL ({@code byScriptKill}) or FUNCTION KILL: null when the kill was requested, else
   * Redis's refusal. A script that wrote is UNKILLABLE whichever KILL is used; otherwise each
   * KILL stops only its own kind and answers the other kind's BUSY text.
   */
  String kill(Object client, boolean byScriptKill) {
    Running r = runningFor(client);
    if (r == null) return NOTBUSY;
    if (wrote) {
      return "UNKILLABLE Sorry the script already executed write commands against the dataset. "
          + "You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";
    }
    if (byScriptKill && r.kind() == BusyTracker.Kind.FUNCTION) return BUSY_FUNCTION;
    if (!byScriptKill && r.kind() == BusyTracker.Kind.SCRIPT) return BUSY_SCRIPT;
    // Already stopping: in Redis the script is gone before a second KILL is read.
    if (killRequested) return NOTBUSY;
    killRequested = true;
    return null;
  }
}
