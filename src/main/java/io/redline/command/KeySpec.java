package io.redline.command;

import io.redline.protocol.Args;
import io.vertx.core.json.JsonObject;

/**
 * Finds key arguments the way Redis key specs describe them: a begin search (an index, or a
 * keyword to look for) and a find-keys rule (a range, or a count argument followed by keys).
 */
final class KeySpec {
  private final int beginIndex;       // > 0 for begin_search "index"
  private final String keyword;       // for begin_search "keyword"
  private final int keywordFrom;
  private final boolean keynum;
  private final int lastKey, keyStep, limit;       // range
  private final int keynumIdx, firstKey;           // keynum

  KeySpec(JsonObject spec) {
    JsonObject bs = spec.getJsonObject("begin_search");
    JsonObject bsSpec = bs.getJsonObject("spec");
    if ("index".equals(bs.getString("type"))) {
      beginIndex = bsSpec.getInteger("index");
      keyword = null;
      keywordFrom = 0;
    } else if ("keyword".equals(bs.getString("type"))) {
      beginIndex = 0;
      keyword = bsSpec.getString("keyword");
      keywordFrom = bsSpec.getInteger("startfrom");
    } else {
      beginIndex = 0;
      keyword = null;
      keywordFrom = 0;
    }
    JsonObject fk = spec.getJsonObject("find_keys");
    JsonObject fkSpec = fk.getJsonObject("spec");
    keynum = "keynum".equals(fk.getString("type"));
    if (keynum) {
      keynumIdx = fkSpec.getInteger("keynumidx");
      firstKey = fkSpec.getInteger("firstkey");
      keyStep = fkSpec.getInteger("keystep");
      lastKey = 0;
      limit = 0;
    } else if ("range".equals(fk.getString("type"))) {
      lastKey = fkSpec.getInteger("lastkey");
      keyStep = fkSpec.getInteger("keystep");
      limit = fkSpec.getInteger("limit");
      keynumIdx = 0;
      firstKey = 0;
    } else {
      lastKey = -1;
      keyStep = 0;
      limit = 0;
      keynumIdx = 0;
      firstKey = 0;
    }
  }

  /** Single key at a fixed position: the hot path (GET, SET, INCR...) skips the general search. */
  int singleKeyIndex() {
    return (beginIndex > 0 && !keynum && lastKey == 0 && keyStep >= 1) ? beginIndex : -1;
  }

  void collect(Args a, IntList out) {
    int argc = a.size();
    int begin;
    if (beginIndex > 0) {
      begin = beginIndex;
    } else if (keyword != null) {
      begin = findKeyword(a);
      if (begin < 0) return;
    } else {
      return;
    }
    if (begin >= argc || keyStep <= 0) return;
    int first, last;
    if (keynum) {
      int idx = begin + keynumIdx;
      if (idx >= argc) return;
      long n;
      try {
        n = Long.parseLong(a.string(idx));
      } catch (NumberFormatException e) {
        return; // the handler reports the bad count
      }
      if (n <= 0 || n > argc) return;
      first = begin + firstKey;
      last = (int) (first + (n - 1) * keyStep);
    } else {
      first = begin;
      if (lastKey >= 0) last = first + lastKey;
      else if (limit <= 1) last = argc + lastKey;
      else last = first + ((argc - first) / limit + lastKey);
    }
    for (int i = first; i <= last && i < argc; i += keyStep) out.add(i);
  }

  private int findKeyword(Args a) {
    int argc = a.size();
    if (keywordFrom >= 0) {
      for (int i = keywordFrom; i < argc; i++) if (a.is(i, keyword)) return i + 1;
    } else {
      for (int i = argc + keywordFrom; i > 0; i--) if (a.is(i, keyword)) return i + 1;
    }
    return -1;
  }
}
