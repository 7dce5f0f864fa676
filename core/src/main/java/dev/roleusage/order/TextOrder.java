package dev.roleusage.order;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How two text values compare (CONTRACT §3): lower-cased with {@link Locale#ROOT}, compared by
 * Unicode code point; when equal ignoring case, the original strings by code point.
 *
 * <p>Not {@link String#compareTo}, which compares UTF-16 units and so puts U+FFFD after U+1F600;
 * not a database collation, which depends on the server's locale. SQL stores reproduce this order
 * with {@link #sortKey(String)}: UTF-8 bytes compare like code points.
 */
public final class TextOrder {
  private TextOrder() {}

  /** The case-folded form that is compared first. */
  public static String fold(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * Compares two present values given with their folded forms ({@link #fold}); folded forms are
   * passed in so that stores can compute them once, at write time.
   */
  public static int compare(String foldedA, String a, String foldedB, String b) {
    int c = compareCodePoints(foldedA, foldedB);
    return c != 0 ? c : compareCodePoints(a, b);
  }

  /** Compares two present values. */
  public static int compare(String a, String b) {
    return compare(fold(a), a, fold(b), b);
  }

  /**
   * Compares by Unicode code point. Equal to comparing UTF-8 bytes, and to {@code compareTo}
   * except where a supplementary character (a surrogate pair) meets U+E000..U+FFFF.
   */
  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // At the first differing unit, a surrogate stands for a code point above every BMP char,
        // so move surrogates above U+E000..U+FFFF (the fix-up ICU uses for code point order).
        return fixup(ca) - fixup(cb);
      }
    }
    return a.length() - b.length();
  }

  /**
   * The first four UTF-16 units of {@code folded} packed into a long, each mapped to code point
   * order, so that whenever the keys of two strings differ, {@link Long#compareUnsigned} orders
   * them as {@link #compareCodePoints} would; equal keys decide nothing (compare further).
   * Equivalent to {@code prefixKey(folded, 0)}.
   */
  public static long prefixKey(String folded) {
    return prefixKey(folded, 0);
  }

  /**
   * Units {@code [from, from + 4)} of {@code folded} packed as {@link #prefixKey(String)} packs
   * the first four; units past the end count as 0. Comparing the keys at 0, 4, 8, … in turn,
   * the first pair that differs orders the strings as {@link #compareCodePoints} would. For text
   * without U+0000, which no stored text contains ({@code TextRules} refuses control
   * characters), so that padding sorts below every real unit.
   *
   * <p>Lets a store decide most comparisons from primitive arrays instead of following three
   * references per comparison into scattered strings.
   */
  public static long prefixKey(String folded, int from) {
    long key = 0;
    for (int i = from; i < from + 4; i++) {
      key = (key << 16) | (i < folded.length() ? fixup(folded.charAt(i)) : 0);
    }
    return key;
  }

  private static int fixup(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }

  /**
   * The primary sort key a SQL store writes beside a text value: the UTF-8 bytes of
   * {@link #fold(String)}. Ordering rows by this key and then by {@link #tieKey(String)} (both as
   * unsigned binary) gives exactly {@link #compare(String, String)}.
   */
  public static byte[] sortKey(String value) {
    return fold(value).getBytes(StandardCharsets.UTF_8);
  }

  /** The secondary sort key: the UTF-8 bytes of the original value. */
  public static byte[] tieKey(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
