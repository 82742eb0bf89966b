package io.redline.modules.geo;

/**
 * A search area: a circle (BYRADIUS, GEORADIUS) or an axis-aligned box (BYBOX) around a centre,
 * with sizes in the request's unit and {@code toMeters}, the factor of that unit. It answers
 * which points are inside (Redis's tests, to the last bit) and which grid cells to scan for
 * candidates ({@link #cover()}).
 */
public final class GeoShape {
  /** Earth's half circumference in the Mercator projection, in meters: the widest cell. */
  private static final double MERCATOR_MAX = 20037726.37;

  public final double lon, lat;
  public final boolean box;
  public final double radius, width, height, toMeters;

  private GeoShape(double lon, double lat, boolean box, double radius, double width, double height, double toMeters) {
    this.lon = lon;
    this.lat = lat;
    this.box = box;
    this.radius = radius;
    this.width = width;
    this.height = height;
    this.toMeters = toMeters;
  }

  public static GeoShape circle(double lon, double lat, double radius, double toMeters) {
    return new GeoShape(lon, lat, false, radius, 0, 0, toMeters);
  }

  public static GeoShape box(double lon, double lat, double width, double height, double toMeters) {
    return new GeoShape(lon, lat, true, 0, width, height, toMeters);
  }

  /**
   * Meters from the centre to (plon, plat) when the point is inside, else -1 (computed with
   * {@link Earth#fastDistance}; a NaN distance counts as inside, as in Redis).
   */
  public double distanceIfInside(double plon, double plat) {
    if (box) {
      if (!Earth.inBox(width * toMeters, height * toMeters, lon, lat, plon, plat)) return -1;
      return Earth.fastDistance(lon, lat, plon, plat);
    }
    double d = Earth.fastDistance(lon, lat, plon, plat);
    return d > radius * toMeters ? -1 : d;
  }

  /**
   * The cells to scan, in Redis's order: the centre's cell, then N, S, E, W, NE, NW, SE, SW. The
   * precision is chosen so the 3x3 block covers the shape's bounding box; neighbours the box
   * does not reach get step 0 (skipped). Wrapping neighbours of a coarse grid may repeat a cell.
   */
  public Cover cover() {
    double[] bounds = boundingBox();
    double radiusMeters = box ? Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2)) : radius;
    radiusMeters *= toMeters;
    int step = estimateSteps(radiusMeters, lat);
    long centre = GeoCells.encode(lon, lat, step, GeoCells.LAT_MIN, GeoCells.LAT_MAX);
    // Near a cell edge the estimated step can leave part of the box outside the 3x3 block.
    double[] north = GeoCells.area(GeoCells.neighbour(centre, step, 0, 1), step);
    double[] south = GeoCells.area(GeoCells.neighbour(centre, step, 0, -1), step);
    double[] east = GeoCells.area(GeoCells.neighbour(centre, step, 1, 0), step);
    double[] west = GeoCells.area(GeoCells.neighbour(centre, step, -1, 0), step);
    boolean tooSmall = north[3] < bounds[3] || south[2] > bounds[1] || east[1] < bounds[2] || west[0] > bounds[0];
    if (step > 1 && tooSmall) {
      step--;
      centre = GeoCells.encode(lon, lat, step, GeoCells.LAT_MIN, GeoCells.LAT_MAX);
    }
    long[] bits = new long[9];
    int[] steps = new int[9];
    int[][] moves = {{0, 0}, {0, 1}, {0, -1}, {1, 0}, {-1, 0}, {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
    for (int i = 0; i < 9; i++) {
      bits[i] = GeoCells.neighbour(centre, step, moves[i][0], moves[i][1]);
      steps[i] = step;
    }
    if (step >= 2) {
      double[] area = GeoCells.area(centre, step);
      if (area[2] < bounds[1]) exclude(bits, steps, 2, 7, 8); // the south row
      if (area[3] > bounds[3]) exclude(bits, steps, 1, 5, 6); // the north row
      if (area[0] < bounds[0]) exclude(bits, steps, 4, 8, 6); // the west column
      if (area[1] > bounds[2]) exclude(bits, steps, 3, 7, 5); // the east column
    }
    return new Cover(bits, steps);
  }

  private static void exclude(long[] bits, int[] steps, int... which) {
    for (int i : which) {
      bits[i] = 0;
      steps[i] = 0;
    }
  }

  /**
   * {lonMin, latMin, lonMax, latMax} of the shape. Longitude spans are taken at the parallel
   * farther from the equator (where a meter is more degrees), as Redis does.
   */
  double[] boundingBox() {
    double h = toMeters * (box ? height / 2 : radius);
    double w = toMeters * (box ? width / 2 : radius);
    double latDelta = Earth.toDegrees(h / Earth.RADIUS_METERS);
    double lonDeltaTop = Earth.toDegrees(w / Earth.RADIUS_METERS / Math.cos(Earth.toRadians(lat + latDelta)));
    double lonDeltaBottom = Earth.toDegrees(w / Earth.RADIUS_METERS / Math.cos(Earth.toRadians(lat - latDelta)));
    boolean south = lat < 0;
    return new double[] {
        south ? lon - lonDeltaBottom : lon - lonDeltaTop,
        lat - latDelta,
        south ? lon + lonDeltaBottom : lon + lonDeltaTop,
        lat + latDelta};
  }

  /** Grid precision whose cells are about as wide as the radius (coarser near the poles). */
  static int estimateSteps(double rangeMeters, double lat) {
    if (rangeMeters == 0) return GeoCells.STEP_MAX;
    int step = 1;
    while (rangeMeters < MERCATOR_MAX) {
      rangeMeters *= 2;
      step++;
    }
    step -= 2;
    if (lat > 66 || lat < -66) {
      step--;
      if (lat > 80 || lat < -80) step--;
    }
    return Math.max(1, Math.min(GeoCells.STEP_MAX, step));
  }

  /** Up to nine cells to scan; a cell with step 0 is skipped. */
  public record Cover(long[] bits, int[] steps) {}
}
