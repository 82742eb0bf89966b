package io.redline.modules.geo.commands;

import io.redline.command.CommandTable;
import io.redline.command.Route;
import io.redline.modules.geo.commands.SearchRequest.Kind;

/**
 * The geo module's command bindings (declarations: commands/geo.json, generated from Redis).
 * All are keyed: a STORE destination on another shard makes the command a multi-shard
 * transaction through its key specs, with no code here.
 */
public final class GeoCommands {
  private GeoCommands() {}

  public static void register(CommandTable t) {
    t.bind("geoadd", Route.KEYS, new GeoAdd());
    t.bind("geodist", Route.KEYS, new GeoDist());
    t.bind("geohash", Route.KEYS, new GeoHash());
    t.bind("geopos", Route.KEYS, new GeoPos());
    t.bind("geosearch", Route.KEYS, new GeoSearch(Kind.SEARCH));
    t.bind("geosearchstore", Route.KEYS, new GeoSearch(Kind.SEARCH_STORE));
    t.bind("georadius", Route.KEYS, new GeoSearch(Kind.RADIUS));
    t.bind("georadius_ro", Route.KEYS, new GeoSearch(Kind.RADIUS_RO));
    t.bind("georadiusbymember", Route.KEYS, new GeoSearch(Kind.RADIUS_BY_MEMBER));
    t.bind("georadiusbymember_ro", Route.KEYS, new GeoSearch(Kind.RADIUS_BY_MEMBER_RO));
  }
}
