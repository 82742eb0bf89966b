package io.redline.command.bitmap;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** The bitmap family: binds each handler to its declaration in commands/bitmap.json. */
public final class BitmapCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("bitmap");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("setbit", Route.KEYS, new SetBit());
    t.bind("getbit", Route.KEYS, new GetBit());
    t.bind("bitcount", Route.KEYS, new BitCount());
    t.bind("bitpos", Route.KEYS, new BitPos());
    t.bind("bitop", Route.KEYS, new BitOp());
    t.bind("bitfield", Route.KEYS, BitField.readWrite());
    t.bind("bitfield_ro", Route.KEYS, BitField.readOnly());
  }
}
