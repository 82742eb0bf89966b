package io.redline.command.hll;

import io.redline.command.CommandContext;
import io.redline.command.CommandHandler;
import io.redline.store.hll.HllLayout;
import io.redline.store.hll.HllSketch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PFSELFTEST: Redis's self-check, run against this implementation. First, dense registers keep
 * random values without disturbing their neighbours; then ten million distinct elements go into
 * a dense and a sparse sketch at once, and at each power of ten both must agree, small ones must
 * still be sparse, and the error must stay within six standard errors. Like Redis it runs
 * synchronously (about a second), so it is admin-only.
 */
public final class PfSelfTest implements CommandHandler {
  private static final int REGISTER_CYCLES = 1000;
  private static final int ELEMENTS = 10_000_000;

  @Override
  public void execute(CommandContext ctx) {
    String failure = registers();
    if (failure == null) failure = approximation(HllValues.sparseMax(ctx));
    if (failure == null) ctx.reply.ok();
    else ctx.error(failure);
  }

  private static String registers() {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    HllSketch dense = denseSketch();
    int[] expected = new int[HllLayout.REGISTERS];
    for (int cycle = 0; cycle < REGISTER_CYCLES; cycle++) {
      for (int i = 0; i < HllLayout.REGISTERS; i++) {
        expected[i] = rnd.nextInt(HllLayout.REGISTER_MAX + 1);
        dense.setRegister(i, expected[i]);
      }
      for (int i = 0; i < HllLayout.REGISTERS; i++) {
        int got = dense.register(i);
        if (got != expected[i]) {
          return "TESTFAILED Register error, counter " + i + " is " + got + " instead of " + expected[i];
        }
      }
    }
    return null;
  }

  private static String approximation(long sparseMax) {
    HllSketch dense = denseSketch();
    byte[] empty = HllLayout.empty();
    HllSketch sparse = new HllSketch(empty, empty.length);
    double relErr = 1.04 / Math.sqrt(HllLayout.REGISTERS);
    long checkpoint = 1;
    long seed = ThreadLocalRandom.current().nextLong();
    byte[] ele = new byte[8];
    for (long j = 1; j <= ELEMENTS; j++) {
      long v = j ^ seed;
      for (int k = 0; k < 8; k++) ele[k] = (byte) (v >>> (8 * k));
      dense.add(ele, 0, 8, sparseMax);
      sparse.add(ele, 0, 8, sparseMax);
      if (j != checkpoint) continue;
      if (j < sparseMax / 2 && sparse.isDense()) return "TESTFAILED sparse encoding not used";
      long card = dense.estimate();
      if (card != sparse.estimate()) return "TESTFAILED dense/sparse disagree";
      long maxErr = (long) Math.ceil(relErr * 6 * checkpoint);
      // Ten elements can collide often enough that only an error of one is a real failure.
      if (j == 10) maxErr = 1;
      long absErr = Math.abs(checkpoint - card);
      if (absErr > maxErr) return "TESTFAILED Too big error. card:" + checkpoint + " abserr:" + absErr;
      checkpoint *= 10;
    }
    return null;
  }

  /** A dense sketch with a zeroed header, as the self-test's scratch registers. */
  private static HllSketch denseSketch() {
    byte[] b = new byte[HllLayout.DENSE_SIZE];
    return new HllSketch(b, b.length);
  }
}
