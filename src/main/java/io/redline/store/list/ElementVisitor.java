package io.redline.store.list;

/**
 * Sees one list element without a copy being made: the bytes are {@code b[off..off+len)} and are
 * only valid during the call. Returns false to stop the walk.
 */
@FunctionalInterface
public interface ElementVisitor {
  boolean visit(int index, byte[] b, int off, int len);
}
