package io.redline.command.hll;

import io.redline.command.CommandFamily;
import io.redline.command.CommandTable;
import io.redline.command.Route;
import java.util.List;

/** The HyperLogLog family: binds each handler to its declaration in commands/hyperloglog.json. */
public final class HllCommands implements CommandFamily {
  @Override
  public List<String> declarationGroups() {
    return List.of("hyperloglog");
  }

  @Override
  public void register(CommandTable t) {
    t.bind("pfadd", Route.KEYS, new PfAdd());
    t.bind("pfcount", Route.KEYS, new PfCount());
    t.bind("pfmerge", Route.KEYS, new PfMerge());
    t.bind("pfdebug", Route.KEYS, new PfDebug());
    t.bind("pfselftest", Route.CONNECTION, new PfSelfTest());
  }
}
