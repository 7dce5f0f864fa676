package dev.roleusage.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextOrderTest {
  private static final String GRINNING = "\uD83D\uDE00";   // U+1F600, a surrogate pair
  private static final String LINEAR_B = "\uD800\uDC00";   // U+10000, the first supplementary code point

  @Test
  void comparesByCodePointWhereUtf16UnitsDisagree() {
    // U+1F600 > U+FFFD by code point; String.compareTo compares the high surrogate U+D83D and says less.
    assertThat(GRINNING.compareTo("\uFFFD")).isNegative();
    assertThat(TextOrder.compareCodePoints(GRINNING, "\uFFFD")).isPositive();
    assertThat(TextOrder.compareCodePoints("\uFFFD", GRINNING)).isNegative();
    assertThat(TextOrder.compareCodePoints(LINEAR_B, "\uE000")).isPositive();
    assertThat(TextOrder.compareCodePoints(LINEAR_B, "\uFFFF")).isPositive();
    assertThat(TextOrder.compareCodePoints("\uD7FF", LINEAR_B)).isNegative();
    // Between two supplementary characters the order is the code point order.
    assertThat(TextOrder.compareCodePoints(LINEAR_B, GRINNING)).isNegative();
    // Prefix first; equal is 0.
    assertThat(TextOrder.compareCodePoints("ab", "abc")).isNegative();
    assertThat(TextOrder.compareCodePoints("a" + GRINNING, "a" + GRINNING)).isZero();
  }

  @Test
  void foldsWithTheRootLocaleWhateverTheDefault() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      // Turkish lower-cases I to dotless ı (U+0131); ROOT gives i.
      assertThat("I".toLowerCase()).isEqualTo("\u0131");
      assertThat(TextOrder.fold("IVY")).isEqualTo("ivy");
      assertThat(TextOrder.compare("Ivy", "jo")).isNegative();
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void comparesIgnoringCaseFirstThenTheOriginal() {
    assertThat(TextOrder.compare("abd", "ABE")).isNegative();   // abd < abe ignoring case, though 'a' > 'A'
    assertThat(TextOrder.compare("ABE", "Abe")).isNegative();   // equal folded: 'B' (42) < 'b' (62)
    assertThat(TextOrder.compare("Abe", "abe")).isNegative();   // 'A' (41) < 'a' (61)
    assertThat(TextOrder.compare("abe", "abe")).isZero();
    // ß folds to itself; "SS" folds to "ss": 's' (73) < 'ß' (DF).
    assertThat(TextOrder.compare("STRASSE", "straße")).isNegative();
  }

  /** Random strings from awkward characters: sortKey/tieKey bytes order like compare, compare like code points. */
  @Test
  void sortKeysAndCodePointCompareAgreeWithANaiveOrderForRandomStrings() {
    String[] alphabet = {"a", "A", "z", "I", "ı", "İ", "i", "ß", "é", "É", "Ω", "ω", "\uE000", "\uFFFD", "\uFFFF",
        GRINNING, LINEAR_B, "\uD835\uDD18", " ", "0", "ǅ", "ﬀ"};
    Random r = new Random(20251203);
    for (int i = 0; i < 20_000; i++) {
      String a = random(r, alphabet);
      String b = random(r, alphabet);
      int naiveCodePoints = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
      assertThat(Integer.signum(TextOrder.compareCodePoints(a, b))).as("%s vs %s", a, b).isEqualTo(naiveCodePoints);

      int naive = Integer.signum(Arrays.compare(a.toLowerCase(Locale.ROOT).codePoints().toArray(),
          b.toLowerCase(Locale.ROOT).codePoints().toArray()));
      if (naive == 0) {
        naive = naiveCodePoints;
      }
      assertThat(Integer.signum(TextOrder.compare(a, b))).as("%s vs %s", a, b).isEqualTo(naive);

      int byKeys = Arrays.compareUnsigned(TextOrder.sortKey(a), TextOrder.sortKey(b));
      if (byKeys == 0) {
        byKeys = Arrays.compareUnsigned(TextOrder.tieKey(a), TextOrder.tieKey(b));
      }
      assertThat(Integer.signum(byKeys)).as("keys of %s vs %s", a, b).isEqualTo(naive);
    }
  }

  private static String random(Random r, String[] alphabet) {
    StringBuilder s = new StringBuilder();
    int len = r.nextInt(5);
    for (int i = 0; i < len; i++) {
      s.append(alphabet[r.nextInt(alphabet.length)]);
    }
    return s.toString();
  }
}
