package io.redline.persist;

import java.io.IOException;

/**
 * Malformed RDB data: a truncated file, a bad length, an invalid listpack, a duplicate member.
 * RESTORE turns it into "ERR Bad data format"; loading a file reports it and stops.
 */
public final class RdbFormatException extends IOException {
  public RdbFormatException(String message) {
    super(message);
  }
}
