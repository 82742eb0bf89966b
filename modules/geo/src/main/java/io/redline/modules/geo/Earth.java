package io.redline.modules.geo;

/**
 * Distances on Redis's spherical earth: the haversine formula with radius 6372797.560856 m, with
 * Redis 7.0's operations in Redis's order. Points on one meridian take Redis's shortcut, the
 * plain arc of latitude.
 *
 * <p>Two versions of the formula: {@link #distance} with correctly rounded sin, cos and asin
 * (as glibc's nearly always are), for every distance a client sees (GEODIST, WITHDIST, STOREDIST);
 * {@link #fastDistance} with cheaper ones, which may differ in the last bits, to select points.
 */
public final class Earth {
  private Earth() {}

  public static final double RADIUS_METERS = 6372797.560856;
  private static final double DEG_TO_RAD = Math.PI / 180.0;

  static double toRadians(double degrees) { return degrees * DEG_TO_RAD; }

  static double toDegrees(double radians) { return radians / DEG_TO_RAD; }

  /** Meters between two latitudes along a meridian. */
  public static double latitudeDistance(double lat1, double lat2) {
    return RADIUS_METERS * Math.abs(toRadians(lat2) - toRadians(lat1));
  }

  /** Great-circle meters between (lon1, lat1) and (lon2, lat2), to the bit as Redis computes them but rarely. */
  public static double distance(double lon1, double lat1, double lon2, double lat2) {
    double lon1r = toRadians(lon1), lon2r = toRadians(lon2);
    double v = RoundedTrig.sin((lon2r - lon1r) / 2);
    if (v == 0.0) return latitudeDistance(lat1, lat2);
    double lat1r = toRadians(lat1), lat2r = toRadians(lat2);
    double u = RoundedTrig.sin((lat2r - lat1r) / 2);
    double a = u * u + RoundedTrig.cos(lat1r) * RoundedTrig.cos(lat2r) * v * v;
    return 2.0 * RADIUS_METERS * RoundedTrig.asin(Math.sqrt(a));
  }

  /** {@link #distance} with Math's sin and cos and an asin from atan: faster, a few units off in the last place at times. */
  public static double fastDistance(double lon1, double lat1, double lon2, double lat2) {
    double lon1r = toRadians(lon1), lon2r = toRadians(lon2);
    double v = Math.sin((lon2r - lon1r) / 2);
    if (v == 0.0) return latitudeDistance(lat1, lat2);
    double lat1r = toRadians(lat1), lat2r = toRadians(lat2);
    double u = Math.sin((lat2r - lat1r) / 2);
    double a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
    return 2.0 * RADIUS_METERS * RoundedTrig.fastAsin(Math.sqrt(a));
  }

  /**
   * Redis's box test: the point (lon, lat) is inside the box of {@code widthMeters} by
   * {@code heightMeters} centred on (centerLon, centerLat) unless its latitude distance is more
   * than half the height or its distance along its own parallel more than half the width.
   */
  public static boolean inBox(double widthMeters, double heightMeters, double centerLon, double centerLat, double lon, double lat) {
    if (latitudeDistance(lat, centerLat) > heightMeters / 2) return false;
    return !(fastDistance(lon, lat, centerLon, lat) > widthMeters / 2);
  }
}
