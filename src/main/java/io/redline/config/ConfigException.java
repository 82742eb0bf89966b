package io.redline.config;

/** A configuration error, with Redis's wording where Redis has one. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
