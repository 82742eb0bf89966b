package io.redline.server;

/** CLIENT REPLY: ON, OFF, or SKIP (suppress the next command's reply only). */
public enum ReplyMode { ON, OFF, SKIP }
