package io.redline.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's CLIENT TRACKING settings (docs/tracking.md): broadcast mode with its prefixes, or
 * the default mode (keys it reads are remembered), with OPTIN / OPTOUT, NOLOOP, and the client id
 * its invalidations go to (0: itself). A new object each time tracking is turned on.
 */
public final class Tracking {
  /** CLIENT CACHING's choice: none, YES, NO. */
  public static final int NO_CHOICE = 0, CACHING_YES = 1, CACHING_NO = 2;

  private final boolean bcast;
  private final boolean optIn;
  private final boolean optOut;
  private final boolean noLoop;
  private final long redirect;
  private final List<byte[]> prefixes;
  /** CLIENT CACHING, waiting for the next command. */
  volatile int armed;
  /** The choice that applies to the command running now (taken from {@link #armed} when it was sent). */
  volatile int current;
  /** The redirect client went away (flag R, "broken_redirect"). */
  volatile boolean redirectBroken;

  public Tracking(boolean bcast, boolean optIn, boolean optOut, boolean noLoop, long redirect, List<byte[]> prefixes) {
    this.bcast = bcast;
    this.optIn = optIn;
    this.optOut = optOut;
    this.noLoop = noLoop;
    this.redirect = redirect;
    this.prefixes = prefixes;
  }

  public boolean bcast() { return bcast; }
  public boolean optIn() { return optIn; }
  public boolean optOut() { return optOut; }
  public boolean noLoop() { return noLoop; }
  public long redirect() { return redirect; }
  public List<byte[]> prefixes() { return prefixes; }
  public boolean redirectBroken() { return redirectBroken; }

  /** CLIENT CACHING YES / NO, for the next command. */
  public void arm(int choice) { armed = choice; }

  /** Whether the keys the current command reads are remembered (OPTIN: only after CACHING YES; OPTOUT: unless CACHING NO). */
  boolean remembersReads() {
    if (bcast) return false;
    if (optIn) return current == CACHING_YES;
    if (optOut) return current != CACHING_NO;
    return true;
  }

  /** CLIENT TRACKINGINFO's flags, in Redis's order. */
  public List<String> flags() {
    List<String> f = new ArrayList<>();
    f.add("on");
    if (bcast) f.add("bcast");
    if (optIn) f.add("optin");
    if (optOut) f.add("optout");
    if (armed == CACHING_YES) f.add("caching-yes");
    if (armed == CACHING_NO) f.add("caching-no");
    if (noLoop) f.add("noloop");
    if (redirectBroken) f.add("broken_redirect");
    return f;
  }

  /** Whether {@code key} starts with one of the broadcast prefixes (every key when there are none). */
  boolean matches(byte[] key) {
    if (prefixes.isEmpty()) return true;
    for (byte[] p : prefixes) if (startsWith(key, p)) return true;
    return false;
  }

  public static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if (key[i] != prefix[i]) return false;
    return true;
  }

  /** The prefixes as text (CLIENT TRACKINGINFO). */
  public List<String> prefixTexts() {
    List<String> out = new ArrayList<>();
    for (byte[] p : prefixes) out.add(new String(p, StandardCharsets.UTF_8));
    return out;
  }
}
