package io.redline.modules.streams.store;

import java.util.Iterator;
import java.util.NavigableMap;

/**
 * Walks the live entries of a stream between two IDs (both inclusive), forwards or backwards,
 * decoding each into one reused {@link EntryView}: {@code while (c.next()) c.entry()...}.
 * The stream must not change while a cursor is in use.
 */
public final class StreamCursor {
  private final EntryView view = new EntryView();
  private final Iterator<EntryBlock> blocks;
  private final long startMs, startSeq, endMs, endSeq;
  private final boolean reverse;
  private EntryBlock block;
  private int pos;
  private int[] offsets;
  private int index;
  private boolean done;

  StreamCursor(NavigableMap<StreamId, EntryBlock> map, StreamId start, StreamId end, boolean reverse) {
    this.startMs = start.ms();
    this.startSeq = start.seq();
    this.endMs = end.ms();
    this.endSeq = end.seq();
    this.reverse = reverse;
    if (start.compareTo(end) > 0) {
      blocks = null;
      done = true;
    } else if (!reverse) {
      StreamId from = map.floorKey(start);
      blocks = (from == null ? map : map.tailMap(from, true)).values().iterator();
    } else {
      StreamId from = map.floorKey(end);
      blocks = from == null ? null : map.headMap(from, true).descendingMap().values().iterator();
      done = from == null;
    }
  }

  /** Moves to the next live entry in range; false when there is none. */
  public boolean next() {
    while (!done) {
      if (block == null) {
        if (!blocks.hasNext()) {
          done = true;
          return false;
        }
        block = blocks.next();
        if (reverse) {
          offsets = block.offsets();
          index = offsets.length - 1;
        } else {
          pos = block.firstOffset();
        }
      }
      int at;
      if (reverse) {
        if (index < 0) {
          block = null;
          continue;
        }
        at = offsets[index--];
        block.skim(at, view);
      } else {
        if (pos >= block.endOffset()) {
          block = null;
          continue;
        }
        at = pos;
        pos = block.skim(at, view);
      }
      if (view.deleted()) continue;
      boolean beforeStart = StreamId.compare(view.ms, view.seq, startMs, startSeq) < 0;
      boolean afterEnd = StreamId.compare(view.ms, view.seq, endMs, endSeq) > 0;
      if (reverse ? afterEnd : beforeStart) continue;
      if (reverse ? beforeStart : afterEnd) {
        done = true;
        return false;
      }
      block.decode(at, view);
      return true;
    }
    return false;
  }

  /** The entry {@link #next} moved to. */
  public EntryView entry() { return view; }
}
