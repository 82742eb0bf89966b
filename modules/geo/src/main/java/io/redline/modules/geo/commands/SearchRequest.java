package io.redline.modules.geo.commands;

import io.redline.command.CommandContext;
import io.redline.command.Errors;
import io.redline.modules.geo.GeoCells;
import io.redline.modules.geo.GeoShape;
import io.redline.protocol.Args;
import io.redline.store.zset.ZSetValue;
import io.redline.util.RedisNumbers;

/**
 * The parsed arguments of GEORADIUS, GEORADIUSBYMEMBER (and _RO), GEOSEARCH and GEOSEARCHSTORE:
 * Redis's georadiusGeneric option loop, with its errors in the same order (the first bad option
 * wins; a FROMMEMBER that is not in the set fails where it appears; the cross-option checks come
 * after the loop).
 */
final class SearchRequest {
  static final int SORT_NONE = 0, SORT_ASC = 1, SORT_DESC = 2;

  /** The command variants, as Redis's flags. */
  enum Kind {
    RADIUS(true, false, false), RADIUS_RO(true, false, true),
    RADIUS_BY_MEMBER(false, false, false), RADIUS_BY_MEMBER_RO(false, false, true),
    SEARCH(false, true, true), SEARCH_STORE(false, true, false);

    final boolean coords, search, noStore;

    Kind(boolean coords, boolean search, boolean noStore) {
      this.coords = coords;
      this.search = search;
      this.noStore = noStore;
    }

    boolean byMember() { return !coords && !search; }

    int sourceArg() { return this == SEARCH_STORE ? 2 : 1; }
  }

  final Kind kind;
  boolean withDist, withHash, withCoord, any;
  int sort = SORT_NONE;
  long count;
  /** The destination key's argument, -1 when the results are returned. */
  int storeArg = -1;
  boolean storeDist;
  /** The search area; null when the source key is missing and no centre could be read. */
  GeoShape shape;

  private double lon, lat, radius, width, height, toMeters;
  private boolean box;

  private SearchRequest(Kind kind) { this.kind = kind; }

  /** Parses the request against the source set {@code z} (null when absent); null after replying an error. */
  static SearchRequest parse(CommandContext ctx, Kind kind, ZSetValue z) {
    SearchRequest r = new SearchRequest(kind);
    return r.parseArgs(ctx, kind, z) ? r : null;
  }

  private boolean parseArgs(CommandContext ctx, Kind kind, ZSetValue z) {
    Args a = ctx.args;
    int base;
    boolean centre = false, sized = false;
    if (kind.coords) {
      base = 6;
      double[] xy = new double[2];
      if (!GeoArgs.lonLat(ctx, 2, xy) || !radius(ctx, 4)) return false;
      lon = xy[0];
      lat = xy[1];
      centre = sized = true;
    } else if (kind.byMember() && z == null) {
      base = 5; // nothing to search: only the options matter (for the STORE reply)
    } else if (kind.byMember()) {
      base = 5;
      if (!member(ctx, z, 2) || !radius(ctx, 3)) return false;
      centre = sized = true;
    } else {
      base = 2;
      if (kind == Kind.SEARCH_STORE) {
        base = 3;
        storeArg = 1;
      }
    }

    boolean fromMember = false, fromLonLat = false, byRadius = false, byBox = false;
    int remaining = a.size() - base;
    for (int k = 0; k < remaining; k++) {
      int i = base + k;
      if (a.is(i, "withdist")) {
        withDist = true;
      } else if (a.is(i, "withhash")) {
        withHash = true;
      } else if (a.is(i, "withcoord")) {
        withCoord = true;
      } else if (a.is(i, "any")) {
        any = true;
      } else if (a.is(i, "asc")) {
        sort = SORT_ASC;
      } else if (a.is(i, "desc")) {
        sort = SORT_DESC;
      } else if (a.is(i, "count") && k + 1 < remaining) {
        if (!RedisNumbers.isLong(a.buffer(), a.offset(i + 1), a.length(i + 1))) {
          ctx.error(Errors.NOT_INTEGER);
          return false;
        }
        count = RedisNumbers.parseLong(a.buffer(), a.offset(i + 1), a.length(i + 1));
        if (count <= 0) {
          ctx.error("ERR COUNT must be > 0");
          return false;
        }
        k++;
      } else if ((a.is(i, "store") || a.is(i, "storedist")) && k + 1 < remaining && !kind.noStore && !kind.search) {
        storeDist = a.is(i, "storedist");
        storeArg = i + 1;
        k++;
      } else if (a.is(i, "storedist") && kind == Kind.SEARCH_STORE) {
        storeDist = true;
      } else if (a.is(i, "frommember") && k + 1 < remaining && kind.search && !fromLonLat) {
        // Without a source key the member cannot be looked up; the error checks still follow.
        if (z != null && !member(ctx, z, i + 1)) return false;
        fromMember = true;
        k++;
      } else if (a.is(i, "fromlonlat") && k + 2 < remaining && kind.search && !fromMember) {
        double[] xy = new double[2];
        if (!GeoArgs.lonLat(ctx, i + 1, xy)) return false;
        lon = xy[0];
        lat = xy[1];
        fromLonLat = true;
        k += 2;
      } else if (a.is(i, "byradius") && k + 2 < remaining && kind.search && !byBox) {
        if (!radius(ctx, i + 1)) return false;
        box = false;
        byRadius = true;
        k += 2;
      } else if (a.is(i, "bybox") && k + 3 < remaining && kind.search && !byRadius) {
        if (!box(ctx, i + 1)) return false;
        box = true;
        byBox = true;
        k += 3;
      } else {
        ctx.error(Errors.SYNTAX);
        return false;
      }
    }

    if (storeArg >= 0 && (withDist || withHash || withCoord)) {
      ctx.error("ERR " + (kind == Kind.SEARCH_STORE ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
          + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
      return false;
    }
    if (kind.search && !(fromMember || fromLonLat)) {
      ctx.error("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + GeoArgs.commandName(a));
      return false;
    }
    if (kind.search && !(byRadius || byBox)) {
      ctx.error("ERR exactly one of BYRADIUS and BYBOX can be specified for " + GeoArgs.commandName(a));
      return false;
    }
    if (any && count == 0) {
      ctx.error("ERR the ANY argument requires COUNT argument");
      return false;
    }
    if (kind.search) centre = sized = z != null;
    if (centre && sized) {
      shape = box ? GeoShape.box(lon, lat, width, height, toMeters) : GeoShape.circle(lon, lat, radius, toMeters);
    }
    // COUNT without an order still means the nearest ones, except with ANY.
    if (count != 0 && sort == SORT_NONE && !any) sort = SORT_ASC;
    return true;
  }

  /** The centre from a member's stored position; false after "could not decode requested zset member". */
  private boolean member(CommandContext ctx, ZSetValue z, int i) {
    double score = GeoArgs.score(z, ctx.args, i);
    if (score != score) {
      ctx.error(GeoArgs.NO_MEMBER);
      return false;
    }
    double[] xy = new double[2];
    GeoCells.decode(score, xy);
    lon = xy[0];
    lat = xy[1];
    return true;
  }

  /** "radius unit" at argument i. */
  private boolean radius(CommandContext ctx, int i) {
    double d = GeoArgs.parseDouble(ctx, i, "ERR need numeric radius");
    if (d != d) return false;
    if (d < 0) {
      ctx.error("ERR radius cannot be negative");
      return false;
    }
    radius = d;
    double u = GeoArgs.unit(ctx, i + 1);
    if (u < 0) return false;
    toMeters = u;
    return true;
  }

  /** "width height unit" at argument i. */
  private boolean box(CommandContext ctx, int i) {
    double w = GeoArgs.parseDouble(ctx, i, "ERR need numeric width");
    if (w != w) return false;
    double h = GeoArgs.parseDouble(ctx, i + 1, "ERR need numeric height");
    if (h != h) return false;
    if (h < 0 || w < 0) {
      ctx.error("ERR height or width cannot be negative");
      return false;
    }
    width = w;
    height = h;
    double u = GeoArgs.unit(ctx, i + 2);
    if (u < 0) return false;
    toMeters = u;
    return true;
  }
}
