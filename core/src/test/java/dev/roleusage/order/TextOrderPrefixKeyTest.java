package dev.roleusage.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextOrderPrefixKeyTest {
  /** Units that stress the order: ASCII, Latin-1, U+E000..U+FFFF, and surrogate pairs (emoji, CJK ext.). */
  private static final String[] PIECES = {
    "a", "b", "z", " ", "ä", "é", "\uE000", "\uFFFD", "\uFF21", "\uD83D\uDE00", "\uD840\uDC00", "\uD83D\uDE01",
  };

  /** Code point order worked out without TextOrder: compare the code point arrays. */
  private static int byCodePoints(String a, String b) {
    return Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
  }

  private static String random(Random r) {
    StringBuilder s = new StringBuilder();
    int pieces = 1 + r.nextInt(5);
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  @Test
  void differingKeysOrderLikeCodePoints() {
    Random r = new Random(11);
    int decided = 0;
    for (int i = 0; i < 200_000; i++) {
      String a = random(r);
      String b = random(r);
      long ka = TextOrder.prefixKey(a);
      long kb = TextOrder.prefixKey(b);
      if (ka != kb) {
        decided++;
        assertThat(Integer.signum(Long.compareUnsigned(ka, kb))).as("%s vs %s", a, b).isEqualTo(byCodePoints(a, b));
      } else if (a.length() <= 4 && b.length() <= 4) {
        // Keys hold all of both strings: equal keys mean equal strings.
        assertThat(a).isEqualTo(b);
      }
    }
    assertThat(decided).isGreaterThan(150_000);
  }

  @Test
  void secondKeysContinueTheOrder() {
    Random r = new Random(12);
    for (int i = 0; i < 100_000; i++) {
      String a = random(r) + random(r);
      String b = r.nextBoolean() ? random(r) + random(r) : a.substring(0, Math.min(a.length(), 4)) + random(r);
      int byKeys = Long.compareUnsigned(TextOrder.prefixKey(a, 0), TextOrder.prefixKey(b, 0));
      if (byKeys == 0) {
        byKeys = Long.compareUnsigned(TextOrder.prefixKey(a, 4), TextOrder.prefixKey(b, 4));
      }
      if (byKeys != 0) {
        assertThat(Integer.signum(byKeys)).as("%s vs %s", a, b).isEqualTo(byCodePoints(a, b));
      } else if (a.length() <= 8 && b.length() <= 8) {
        assertThat(a).isEqualTo(b);
      }
    }
    assertThat(TextOrder.prefixKey("ada lovelace", 4)).isNotEqualTo(TextOrder.prefixKey("ada king", 4));
    assertThat(TextOrder.prefixKey("abc", 4)).isZero();
  }

  @Test
  void handPickedPairs() {
    // A proper prefix sorts first.
    assertThat(Long.compareUnsigned(TextOrder.prefixKey("ab"), TextOrder.prefixKey("abc"))).isNegative();
    // U+FFFD is below a supplementary character in code point order, above it in UTF-16 units.
    assertThat(Long.compareUnsigned(TextOrder.prefixKey("\uFFFD"), TextOrder.prefixKey("\uD83D\uDE00"))).isNegative();
    // Only four units are kept: these tie and must be compared in full.
    assertThat(TextOrder.prefixKey("ada lovelace")).isEqualTo(TextOrder.prefixKey("ada king"));
  }
}
