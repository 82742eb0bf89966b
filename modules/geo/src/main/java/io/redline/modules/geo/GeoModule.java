package io.redline.modules.geo;

import io.redline.command.CommandTable;
import io.redline.module.RedlineModule;
import io.redline.modules.geo.commands.GeoCommands;
import java.util.List;

/**
 * Geospatial commands (GEOADD, GEOSEARCH, GEORADIUS...) over the core's sorted sets, with Redis's
 * 52-bit geohash scores; see docs/geo.md. Disable with {@code disabled-modules geo}.
 */
public final class GeoModule implements RedlineModule {
  @Override
  public String name() { return "geo"; }

  @Override
  public List<String> declarationGroups() { return List.of("geo"); }

  @Override
  public void registerCommands(CommandTable table) { GeoCommands.register(table); }
}
