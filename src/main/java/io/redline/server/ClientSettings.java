package io.redline.server;

/**
 * What a client set for its own connection: CLIENT SETINFO's library name and version, CLIENT
 * REPLY, CLIENT NO-EVICT and NO-TOUCH. Changed on the connection's loop; CLIENT LIST reads it
 * from others.
 */
public final class ClientSettings {
  private String libName = "";
  private String libVersion = "";
  private ReplyMode replyMode = ReplyMode.ON;
  private boolean skipThisReply;
  private boolean noEvict;
  private boolean noTouch;

  public String libName() { return libName; }
  public void libName(String n) { this.libName = n; }
  public String libVersion() { return libVersion; }
  public void libVersion(String v) { this.libVersion = v; }
  public ReplyMode replyMode() { return replyMode; }
  public void replyMode(ReplyMode m) { this.replyMode = m; }
  public boolean noEvict() { return noEvict; }
  public void noEvict(boolean b) { this.noEvict = b; }
  public boolean noTouch() { return noTouch; }
  public void noTouch(boolean b) { this.noTouch = b; }

  /** CLIENT REPLY SKIP: the next command's reply is thrown away. */
  public void skipNextReply() { this.skipThisReply = true; }

  /** CLIENT REPLY OFF / SKIP: whether the command being dispatched must have its reply discarded. */
  boolean takeReplySuppression() {
    if (replyMode == ReplyMode.OFF) return true;
    if (skipThisReply) {
      skipThisReply = false;
      return true;
    }
    return false;
  }

  /** RESET: replies on, NO-TOUCH off; Redis 7.0 keeps NO-EVICT (and the library fields). */
  void reset() {
    replyMode = ReplyMode.ON;
    skipThisReply = false;
    noTouch = false;
  }
}
