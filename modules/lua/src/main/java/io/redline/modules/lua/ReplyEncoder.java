// Writes a ScriptReply onto a connection's ReplyWriter.
package io.redline.modules.lua;

import io.redline.protocol.ReplyWriter;
import java.nio.charset.StandardCharsets;

/** Encodes a {@link ScriptReply} in the writer's protocol (RESP3 types downgrade in RESP2). */
public final class ReplyEncoder {
  private ReplyEncoder() {}

  public static void write(ScriptReply r, ReplyWriter w) {
    switch (r.type) {
      case STATUS -> {
        // Raw bytes: a script's status text need not be UTF-8.
        w.buffer().writeByte('+');
        w.buffer().writeBytes(r.bytes);
        w.buffer().writeBytes(new byte[] {'\r', '\n'});
      }
      case ERROR -> w.errorLatin1(r.text());
      case INTEGER -> w.integer(r.integer);
      case BULK -> w.bulk(r.bytes);
      case NULL_BULK, NULL -> w.nullBulk();
      case NULL_ARRAY -> w.nullArray();
      case ARRAY -> {
        w.array(r.elements.size());
        for (ScriptReply e : r.elements) write(e, w);
      }
      case MAP -> {
        w.map(r.elements.size() / 2);
        for (ScriptReply e : r.elements) write(e, w);
      }
      case SET -> {
        w.set(r.elements.size());
        for (ScriptReply e : r.elements) write(e, w);
      }
      case DOUBLE -> w.doubleValue(r.dbl);
      case BOOLEAN -> w.bool(r.bool);
      case BIG_NUMBER -> w.bigNumber(r.text());
      case VERBATIM -> {
        if (w.isResp3()) {
          byte[] fmt = (r.format + ":").getBytes(StandardCharsets.US_ASCII);
          w.buffer().writeByte('=');
          w.buffer().writeBytes(Integer.toString(fmt.length + r.bytes.length).getBytes(StandardCharsets.US_ASCII));
          w.buffer().writeBytes(new byte[] {'\r', '\n'});
          w.buffer().writeBytes(fmt);
          w.buffer().writeBytes(r.bytes);
          w.buffer().writeBytes(new byte[] {'\r', '\n'});
        } else {
          w.bulk(r.bytes);
        }
      }
    }
  }
}
