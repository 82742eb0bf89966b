package io.redline.modules.lua.commands;

import io.redline.modules.lua.FunctionEngine;
import io.redline.persist.AuxCodec;
import io.redline.persist.RdbInput;
import io.redline.persist.RdbOutput;
import java.io.IOException;

/**
 * Function libraries in RDB files, as Redis 7.0 writes them: one RDB_OPCODE_FUNCTION2 record
 * (245) holding each library's code, before the keys. Loading runs the code as FUNCTION LOAD does.
 */
final class FunctionsAuxCodec implements AuxCodec {
  private static final int OPCODE_FUNCTION2 = 245;
  private final Scripting scripting;
  private boolean replace;

  FunctionsAuxCodec(Scripting scripting) { this.scripting = scripting; }

  @Override
  public int[] readOpcodes() { return new int[] {OPCODE_FUNCTION2}; }

  /** With every shard held: no script runs, so the libraries can't change meanwhile. */
  @Override
  public void write(RdbOutput out) {
    for (var lib : scripting.functions.libraries()) {
      out.writeByte(OPCODE_FUNCTION2);
      out.writeString(lib.code());
    }
  }

  @Override
  public void startLoad(boolean merge) { replace = merge; }

  @Override
  public void clear() { scripting.functions.flush(); }

  @Override
  public void read(int opcode, RdbInput in) throws IOException {
    byte[] code = in.readString();
    try {
      scripting.functions.load(code, replace);
    } catch (FunctionEngine.Refusal e) {
      throw in.corrupt("function library: " + e.getMessage());
    }
  }
}
