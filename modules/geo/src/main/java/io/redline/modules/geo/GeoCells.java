package io.redline.modules.geo;

/**
 * Redis's geohash grid. A point is stored as a sorted-set score: its cell at 26 steps (2^26
 * divisions of longitude [-180, 180] and latitude [-85.05112878, 85.05112878], the Web Mercator
 * limits), the two 26-bit cell numbers interleaved, latitude in the even bits. A cell of fewer
 * steps is the common prefix of all the 52-bit scores inside it, so a cell is a score range.
 *
 * <p>Decoding repeats the C code's integer conversions exactly, so scores written with ZADD
 * (negative, fractional, over 2^52, infinite) decode to what GEOPOS prints in Redis: the score
 * is converted as x86-64 converts a double to uint64_t, and the upper cell bound wraps in 32 bits.
 */
public final class GeoCells {
  private GeoCells() {}

  public static final double LON_MIN = -180, LON_MAX = 180;
  public static final double LAT_MIN = -85.05112878, LAT_MAX = 85.05112878;
  /** Precision of stored points: 26 steps per axis, 52 bits. */
  public static final int STEP_MAX = 26;

  private static final long EVEN = 0x5555555555555555L, ODD = 0xaaaaaaaaaaaaaaaaL;
  private static final double TWO_63 = 9.223372036854775808E18;

  /**
   * The cell of (lon, lat) at {@code step} steps over the given latitude range (GEOHASH uses
   * [-90, 90], everything else the Mercator limits); -1 when the point is outside the limits.
   */
  public static long encode(double lon, double lat, int step, double latMin, double latMax) {
    if (lon > LON_MAX || lon < LON_MIN || lat > LAT_MAX || lat < LAT_MIN) return -1;
    if (lat < latMin || lat > latMax) return -1;
    double latOffset = (lat - latMin) / (latMax - latMin);
    double lonOffset = (lon - LON_MIN) / (LON_MAX - LON_MIN);
    latOffset *= (double) (1L << step);
    lonOffset *= (double) (1L << step);
    // C converts to uint32_t: truncation, keeping the low 32 bits.
    return spread((long) latOffset & 0xFFFFFFFFL) | (spread((long) lonOffset & 0xFFFFFFFFL) << 1);
  }

  /** The 52-bit score GEOADD stores for a point already checked to be within the limits. */
  public static double score(double lon, double lat) {
    return (double) encode(lon, lat, STEP_MAX, LAT_MIN, LAT_MAX);
  }

  /** The centre of the 26-step cell a score names, clamped to the limits: {lon, lat} into {@code out}. */
  public static void decode(double score, double[] out) {
    long bits = toUint64(score);
    long lat = squash(bits), lon = squash(bits >>> 1);
    double cells = (double) (1L << STEP_MAX);
    double lonMin = LON_MIN + (lon * 1.0 / cells) * (LON_MAX - LON_MIN);
    double lonMax = LON_MIN + (((lon + 1) & 0xFFFFFFFFL) * 1.0 / cells) * (LON_MAX - LON_MIN);
    double latMin = LAT_MIN + (lat * 1.0 / cells) * (LAT_MAX - LAT_MIN);
    double latMax = LAT_MIN + (((lat + 1) & 0xFFFFFFFFL) * 1.0 / cells) * (LAT_MAX - LAT_MIN);
    out[0] = Math.max(LON_MIN, Math.min(LON_MAX, (lonMin + lonMax) / 2));
    out[1] = Math.max(LAT_MIN, Math.min(LAT_MAX, (latMin + latMax) / 2));
  }

  /** The bounds of a cell: {lonMin, lonMax, latMin, latMax} (Redis's geohashDecode). */
  public static double[] area(long bits, int step) {
    long lat = squash(bits), lon = squash(bits >>> 1);
    double cells = (double) (1L << step);
    double latScale = LAT_MAX - LAT_MIN, lonScale = LON_MAX - LON_MIN;
    // "(ilato + 1)" is uint32_t arithmetic in C: the bound after cell 2^32-1 wraps to 0.
    return new double[] {
        LON_MIN + (lon * 1.0 / cells) * lonScale,
        LON_MIN + (((lon + 1) & 0xFFFFFFFFL) * 1.0 / cells) * lonScale,
        LAT_MIN + (lat * 1.0 / cells) * latScale,
        LAT_MIN + (((lat + 1) & 0xFFFFFFFFL) * 1.0 / cells) * latScale};
  }

  /** The cell {@code dx} columns east and {@code dy} rows north (each -1, 0 or 1), wrapping around. */
  public static long neighbour(long bits, int step, int dx, int dy) {
    return moveY(moveX(bits, step, dx), step, dy);
  }

  // Adding 1 to the cell number held in every other bit: filling the gaps between its bits with
  // ones makes the carry run through them; masking afterwards wraps at the grid's edge.
  private static long moveX(long bits, int step, int d) {
    if (d == 0) return bits;
    long x = bits & ODD, y = bits & EVEN;
    long gaps = EVEN >>> (64 - step * 2);
    x = d > 0 ? x + (gaps + 1) : (x | gaps) - (gaps + 1);
    return (x & (ODD >>> (64 - step * 2))) | y;
  }

  private static long moveY(long bits, int step, int d) {
    if (d == 0) return bits;
    long x = bits & ODD, y = bits & EVEN;
    long gaps = ODD >>> (64 - step * 2);
    y = d > 0 ? y + (gaps + 1) : (y | gaps) - (gaps + 1);
    return x | (y & (EVEN >>> (64 - step * 2)));
  }

  /** The scores inside a cell: [first, end) as 52-bit values. */
  public static long firstScore(long bits, int step) { return bits << (52 - step * 2); }

  public static long endScore(long bits, int step) { return (bits + 1) << (52 - step * 2); }

  private static final byte[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * GEOHASH's 11 characters for a stored score: the point re-encoded over latitude [-90, 90], as
   * standard geohashes are; 52 bits give ten characters, the eleventh is always '0'.
   */
  public static byte[] standardGeohash(double score) {
    double[] xy = new double[2];
    decode(score, xy);
    long bits = encode(xy[0], xy[1], STEP_MAX, -90, 90);
    byte[] out = new byte[11];
    for (int i = 0; i < 10; i++) out[i] = BASE32[(int) ((bits >>> (52 - (i + 1) * 5)) & 0x1f)];
    out[10] = '0';
    return out;
  }

  /** (uint64_t) score as x86-64 code compiled by gcc computes it, including its out-of-range results. */
  static long toUint64(double d) {
    if (d >= TWO_63) return truncate(d - TWO_63) ^ Long.MIN_VALUE;
    return truncate(d);
  }

  /** cvttsd2si: truncation, or 0x8000000000000000 for NaN and anything out of the signed range. */
  private static long truncate(double d) {
    if (d != d || d >= TWO_63 || d < -TWO_63) return Long.MIN_VALUE;
    return (long) d;
  }

  /** Moves the low 32 bits of v into the even bit positions. */
  private static long spread(long v) {
    v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
    v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
    v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
    v = (v | (v << 2)) & 0x3333333333333333L;
    return (v | (v << 1)) & EVEN;
  }

  /** The inverse of {@link #spread}: the even bits of v, packed into the low 32 bits. */
  private static long squash(long v) {
    v &= EVEN;
    v = (v | (v >>> 1)) & 0x3333333333333333L;
    v = (v | (v >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
    v = (v | (v >>> 4)) & 0x00FF00FF00FF00FFL;
    v = (v | (v >>> 8)) & 0x0000FFFF0000FFFFL;
    return (v | (v >>> 16)) & 0x00000000FFFFFFFFL;
  }
}
