package io.redline.command.sort;

import io.redline.command.IntList;
import io.redline.protocol.Args;

/**
 * Where SORT's keys are, as Redis 7.0's getkeys procedure for it reports them (COMMAND GETKEYS)
 * and as the server needs them to wake clients blocked on the STORE destination: the sorted key,
 * then the destination of the last STORE. Like Redis, the scan skips LIMIT's two arguments and
 * BY's and GET's one, but not STORE's, and does not validate anything else.
 */
final class SortKeys {
  private SortKeys() {}

  static void find(Args a, IntList out) {
    out.add(1);
    int store = -1;
    for (int i = 2; i < a.size(); i++) {
      if (a.is(i, "LIMIT")) i += 2;
      else if (a.is(i, "STORE") && i + 1 < a.size()) store = i + 1;
      else if (a.is(i, "GET") || a.is(i, "BY")) i += 1;
    }
    if (store >= 0) out.add(store);
  }
}
