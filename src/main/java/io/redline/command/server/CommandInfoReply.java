package io.redline.command.server;

import io.redline.command.CommandSpec;
import io.redline.protocol.ReplyWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Writes a command's COMMAND INFO and COMMAND DOCS entries from its JSON declaration, with the
 * wire types Redis 7.0 uses: flags, ACL categories and key-spec flags are status replies in sets;
 * tips and key-spec keys and strings are bulk strings; numbers are integers.
 */
final class CommandInfoReply {
  private CommandInfoReply() {}

  static void info(ReplyWriter w, CommandSpec spec) {
    JsonObject d = spec.declaration();
    w.array(10);
    w.bulk(spec.name());
    w.integer(d.getInteger("arity"));
    statuses(w, d.getJsonArray("flags"));
    w.integer(d.getInteger("first_key", 0));
    w.integer(d.getInteger("last_key", 0));
    w.integer(d.getInteger("key_step", 0));
    statuses(w, d.getJsonArray("acl_categories"));
    JsonArray tips = array(d, "tips");
    w.set(tips.size());
    for (int i = 0; i < tips.size(); i++) w.bulk(tips.getString(i));
    JsonArray keySpecs = array(d, "key_specs");
    w.set(keySpecs.size());
    for (int i = 0; i < keySpecs.size(); i++) keySpec(w, keySpecs.getJsonObject(i));
    List<CommandSpec> subs = ServedCommands.subcommands(spec);
    w.set(subs.size());
    for (CommandSpec s : subs) info(w, s);
  }

  /** The docs map; Redline keeps no summaries, histories or argument trees, so those are left out. */
  static void docs(ReplyWriter w, CommandSpec spec) {
    JsonObject d = spec.declaration();
    JsonArray docFlags = array(d, "doc_flags");
    String deprecatedSince = d.getString("deprecated_since");
    String replacedBy = d.getString("replaced_by");
    String complexity = d.getString("complexity"); // MONITOR has none
    List<CommandSpec> subs = ServedCommands.subcommands(spec);
    int n = 2 + (complexity == null ? 0 : 1) + (docFlags.isEmpty() ? 0 : 1) + (deprecatedSince == null ? 0 : 1) + (replacedBy == null ? 0 : 1)
        + (subs.isEmpty() ? 0 : 1);
    w.map(n);
    w.bulk("since");
    w.bulk(d.getString("since"));
    w.bulk("group");
    w.bulk(d.getString("group"));
    if (complexity != null) {
      w.bulk("complexity");
      w.bulk(complexity);
    }
    if (!docFlags.isEmpty()) {
      w.bulk("doc_flags");
      statuses(w, docFlags);
    }
    if (deprecatedSince != null) {
      w.bulk("deprecated_since");
      w.bulk(deprecatedSince);
    }
    if (replacedBy != null) {
      w.bulk("replaced_by");
      w.bulk(replacedBy);
    }
    if (!subs.isEmpty()) {
      w.bulk("subcommands");
      w.map(subs.size());
      for (CommandSpec s : subs) {
        w.bulk(s.name());
        docs(w, s);
      }
    }
  }

  private static JsonArray array(JsonObject d, String field) {
    JsonArray a = d.getJsonArray(field);
    return a == null ? new JsonArray() : a;
  }

  private static void statuses(ReplyWriter w, JsonArray a) {
    int n = a == null ? 0 : a.size();
    w.set(n);
    for (int i = 0; i < n; i++) w.simple(a.getString(i));
  }

  /** A key spec as a map in its declared field order (notes, flags, begin_search, find_keys). */
  private static void keySpec(ReplyWriter w, JsonObject spec) {
    w.map(spec.size());
    for (Map.Entry<String, Object> e : spec) {
      w.bulk(e.getKey());
      if (e.getKey().equals("flags")) statuses(w, (JsonArray) e.getValue());
      else value(w, e.getValue());
    }
  }

  private static void value(ReplyWriter w, Object v) {
    if (v instanceof JsonObject o) {
      w.map(o.size());
      for (Map.Entry<String, Object> e : o) {
        w.bulk(e.getKey());
        value(w, e.getValue());
      }
    } else if (v instanceof JsonArray a) {
      w.array(a.size());
      for (int i = 0; i < a.size(); i++) value(w, a.getValue(i));
    } else if (v instanceof Number n) {
      w.integer(n.longValue());
    } else if (v == null) {
      w.nullBulk();
    } else {
      w.bulk(v.toString());
    }
  }
}
