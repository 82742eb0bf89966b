package io.redline.command;

import io.redline.protocol.Args;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A command's declaration — arity, flags, ACL categories, key specs, docs facts — read once from
 * {@code commands/*.json}, plus the handler and route bound to it at registration. COMMAND,
 * routing and argument checks all read this one object.
 */
public final class CommandSpec {
  private final String name;          // "get", or "config|get" for a subcommand
  private final JsonObject declaration;
  private final int arity;
  private final Set<String> flags;
  /** The flags checked for every command, read once (a set lookup per check showed in profiles). */
  private final boolean writes;
  private final boolean denyOom;
  private final boolean skipMonitor;
  private final boolean fast;
  private final boolean readonly;
  private final List<KeySpec> keySpecs = new ArrayList<>();
  private final int singleKeyIndex;
  private final Map<String, CommandSpec> subcommands = new LinkedHashMap<>();
  private final CommandSpec parent;
  private CommandHandler handler;
  private Route route = Route.CONNECTION;
  private ShardChooser chooser;
  private KeyFinder keyFinder;
  // Per-command statistics for INFO commandstats; updated on many threads.
  private final java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder micros = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder rejected = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder failed = new java.util.concurrent.atomic.LongAdder();

  CommandSpec(String name, JsonObject declaration, CommandSpec parent) {
    this.name = name;
    this.declaration = declaration;
    this.parent = parent;
    this.arity = declaration.getInteger("arity");
    this.flags = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(strings(declaration.getJsonArray("flags"))));
    this.writes = flags.contains("write") || flags.contains("may_replicate");
    this.denyOom = flags.contains("denyoom");
    this.skipMonitor = flags.contains("skip_monitor");
    this.fast = flags.contains("fast");
    this.readonly = flags.contains("readonly");
    JsonArray specs = declaration.getJsonArray("key_specs", new JsonArray());
    for (int i = 0; i < specs.size(); i++) keySpecs.add(new KeySpec(specs.getJsonObject(i)));
    this.singleKeyIndex = keySpecs.size() == 1 ? keySpecs.get(0).singleKeyIndex() : -1;
    JsonObject subs = declaration.getJsonObject("subcommands");
    if (subs != null) {
      for (String sub : subs.fieldNames()) subcommands.put(sub, new CommandSpec(sub, subs.getJsonObject(sub), this));
    }
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    if (a != null) for (int i = 0; i < a.size(); i++) out.add(a.getString(i));
    return out;
  }

  public String name() { return name; }
  public JsonObject declaration() { return declaration; }
  public int arity() { return arity; }
  public boolean hasFlag(String flag) { return flags.contains(flag); }
  /** Flagged "write" or "may_replicate": what CLIENT PAUSE WRITE holds back. */
  public boolean writes() { return writes; }
  public boolean denyOom() { return denyOom; }
  public boolean skipMonitor() { return skipMonitor; }
  /** Flagged "fast": its latency samples are the "fast-command" event. */
  public boolean fast() { return fast; }
  /** Flagged "readonly": a tracking client's reads are remembered (CLIENT TRACKING). */
  public boolean readonly() { return readonly; }
  public Set<String> flags() { return flags; }
  public CommandSpec parent() { return parent; }
  public Map<String, CommandSpec> subcommands() { return subcommands; }
  public boolean isContainer() { return !subcommands.isEmpty(); }
  public CommandHandler handler() { return handler; }
  public Route route() { return route; }
  public ShardChooser chooser() { return chooser; }

  void bind(CommandHandler handler, Route route, ShardChooser chooser) {
    this.handler = handler;
    this.route = route;
    this.chooser = chooser;
  }

  /** Redis's arity rule: positive = exactly, negative = at least. */
  public boolean arityOk(int argc) {
    return arity > 0 ? argc == arity : argc >= -arity;
  }

  /** The name as Redis prints it in errors: "get", "config|get". */
  public String fullName() { return name; }

  /** Upper-case name of the container, for "Try CONFIG HELP." */
  public String upperName() { return name.toUpperCase(Locale.ROOT); }

  public boolean hasKeys() { return !keySpecs.isEmpty(); }

  /** Collects the argument positions of every key of {@code a} into {@code out}. */
  public void keyPositions(Args a, IntList out) {
    out.clear();
    if (keyFinder != null) {
      keyFinder.find(a, out);
      return;
    }
    if (singleKeyIndex > 0) {
      if (singleKeyIndex < a.size()) out.add(singleKeyIndex);
      return;
    }
    for (KeySpec k : keySpecs) k.collect(a, out);
  }

  public int singleKeyIndex() { return singleKeyIndex; }

  /**
   * Marks in {@code involved} the shards this command touches when run with {@code a}: its keys'
   * shards, every shard ({@link Route#ALL_SHARDS}; a script, which may touch any), the chosen
   * one, or shard {@code fallback} when it names none (none when negative). {@code scratch}
   * receives the key positions.
   */
  public void markShards(Args a, io.redline.shard.ShardRouter router, int fallback, IntList scratch, boolean[] involved) {
    switch (route) {
      case CONNECTION -> { }
      case ALL_SHARDS, SCRIPT -> java.util.Arrays.fill(involved, true);
      case CHOSEN_SHARD -> {
        int s = chooser.shardFor(a, router.shardCount());
        if (s >= 0) involved[s] = true;
        else if (fallback >= 0) involved[fallback] = true;
      }
      case KEYS -> {
        keyPositions(a, scratch);
        if (scratch.size() == 0 && fallback >= 0) involved[fallback] = true;
        for (int i = 0; i < scratch.size(); i++) {
          int p = scratch.get(i);
          involved[router.shardOf(a.buffer(), a.offset(p), a.length(p))] = true;
        }
      }
    }
  }

  /**
   * Finds the keys of a command that its key specs cannot place (Redis's getkeys procs, such as
   * SORT's STORE destination, which may come anywhere among the options): replaces the key-spec
   * search for COMMAND GETKEYS, routing and waking blocked clients.
   */
  @FunctionalInterface
  public interface KeyFinder {
    void find(Args a, IntList out);
  }

  public void keyFinder(KeyFinder finder) { this.keyFinder = finder; }

  public void recordCall(long elapsedMicros) {
    calls.increment();
    micros.add(elapsedMicros);
  }

  public void recordRejected() { rejected.increment(); }
  public void recordFailed() { failed.increment(); }
  public long calls() { return calls.sum(); }
  public long micros() { return micros.sum(); }
  public long rejectedCalls() { return rejected.sum(); }
  public long failedCalls() { return failed.sum(); }

  public void resetStats() {
    calls.reset();
    micros.reset();
    rejected.reset();
    failed.reset();
  }
}
