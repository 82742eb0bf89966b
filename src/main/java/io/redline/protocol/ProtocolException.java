package io.redline.protocol;

/** A client broke the protocol; the message is sent as "-ERR Protocol error: ..." and the connection closes. */
public final class ProtocolException extends RuntimeException {
  public ProtocolException(String message) {
    super(message, null, false, false);
  }
}
