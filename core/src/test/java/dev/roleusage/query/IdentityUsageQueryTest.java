package dev.roleusage.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.query.Violation.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IdentityUsageQuery#parse} against every rule of CONTRACT §1, values worked out from the contract. */
class IdentityUsageQueryTest {
  private static ParsedQuery parse(String rawQuery) {
    return IdentityUsageQuery.parse("pr", "src", QueryString.parse(rawQuery));
  }

  private static IdentityUsageQuery valid(String rawQuery) {
    ParsedQuery parsed = parse(rawQuery);
    assertThat(parsed).as(rawQuery).isInstanceOf(ParsedQuery.Valid.class);
    return ((ParsedQuery.Valid) parsed).query();
  }

  private static List<Violation> invalid(String rawQuery) {
    ParsedQuery parsed = parse(rawQuery);
    assertThat(parsed).as(rawQuery).isInstanceOf(ParsedQuery.Invalid.class);
    return ((ParsedQuery.Invalid) parsed).violations();
  }

  private static Violation v(String parameter, Code code, String value, Object... args) {
    return Violation.of(parameter, code, value, args);
  }

  @Test
  void defaultsAreNoSorterOffsetZeroLimit250NoCount() {
    for (String raw : new String[] {null, "", "sorters=", "sorters=%20%20", "unknownParam=1", "Limit=5&OFFSET=3"}) {
      IdentityUsageQuery q = valid(raw);
      assertThat(q.sorters()).as(raw).isEmpty();
      assertThat(q.offset()).as(raw).isZero();
      assertThat(q.limit()).as(raw).isEqualTo(250);
      assertThat(q.count()).as(raw).isFalse();
    }
  }

  @Test
  void offsetIsZeroToIntMaxAndNeverOverflowsWithLimit() {
    IdentityUsageQuery q = valid("offset=2147483647&limit=250");
    assertThat(q.offset()).isEqualTo(Integer.MAX_VALUE);
    assertThat(q.end()).isEqualTo(2_147_483_647L + 250);
    assertThat(valid("offset=0").offset()).isZero();
    assertThat(valid("offset=007").offset()).isEqualTo(7);
    assertThat(invalid("offset=2147483648")).containsExactly(v("offset", Code.ABOVE_MAXIMUM, "2147483648", 2147483647));
    assertThat(invalid("offset=99999999999999999999999"))
        .containsExactly(v("offset", Code.ABOVE_MAXIMUM, "99999999999999999999999", 2147483647));
    assertThat(invalid("offset=-1")).containsExactly(v("offset", Code.BELOW_MINIMUM, "-1", 0));
    assertThat(invalid("offset=1.5")).containsExactly(v("offset", Code.NOT_AN_INTEGER, "1.5"));
    assertThat(invalid("offset=0x10")).containsExactly(v("offset", Code.NOT_AN_INTEGER, "0x10"));
    // Arabic-Indic three: a digit to Character.digit, not a decimal integer on the wire.
    assertThat(invalid("offset=%D9%A3")).containsExactly(v("offset", Code.NOT_AN_INTEGER, "\u0663"));
  }

  @Test
  void limitIsZeroTo250AndNeverClamped() {
    assertThat(valid("limit=0").limit()).isZero();
    assertThat(valid("limit=250").limit()).isEqualTo(250);
    assertThat(invalid("limit=251")).containsExactly(v("limit", Code.ABOVE_MAXIMUM, "251", 250));
    assertThat(invalid("limit=-1")).containsExactly(v("limit", Code.BELOW_MINIMUM, "-1", 0));
    assertThat(invalid("limit=abc")).containsExactly(v("limit", Code.NOT_AN_INTEGER, "abc"));
    assertThat(invalid("limit=")).containsExactly(v("limit", Code.NOT_AN_INTEGER, ""));
    assertThat(invalid("limit")).containsExactly(v("limit", Code.NOT_AN_INTEGER, ""));
    assertThat(invalid("limit=%2010")).containsExactly(v("limit", Code.NOT_AN_INTEGER, " 10"));
  }

  @Test
  void countIsTrueOrFalseIgnoringCase() {
    assertThat(valid("count=true").count()).isTrue();
    assertThat(valid("count=TRUE").count()).isTrue();
    assertThat(valid("count=tRuE").count()).isTrue();
    assertThat(valid("count=False").count()).isFalse();
    for (String bad : new String[] {"yes", "1", "", "truee", "t"}) {
      assertThat(invalid("count=" + bad)).containsExactly(v("count", Code.NOT_A_BOOLEAN, bad));
    }
  }

  @Test
  void sortersAreTrimmedFieldsWithOptionalMinus() {
    assertThat(valid("sorters=%20displayName%20,%20-usageCount%20").sorters())
        .containsExactly(Sorter.ascending(SortField.DISPLAY_NAME), Sorter.descending(SortField.USAGE_COUNT));
    assertThat(valid("sorters=email,-displayName,usageCount").sorters()).containsExactly(
        Sorter.ascending(SortField.EMAIL), Sorter.descending(SortField.DISPLAY_NAME), Sorter.ascending(SortField.USAGE_COUNT));
    assertThat(valid("sorters=-email").sorters()).containsExactly(Sorter.descending(SortField.EMAIL));
  }

  @Test
  void eachBrokenSorterItemIsOneViolationNamingIt() {
    assertThat(invalid("sorters=DisplayName")).containsExactly(v("sorters", Code.SORTER_UNKNOWN_FIELD, "DisplayName"));
    assertThat(invalid("sorters=name")).containsExactly(v("sorters", Code.SORTER_UNKNOWN_FIELD, "name"));
    assertThat(invalid("sorters=-")).containsExactly(v("sorters", Code.SORTER_EMPTY, "-"));
    assertThat(invalid("sorters=displayName,,email")).containsExactly(v("sorters", Code.SORTER_EMPTY, ""));
    assertThat(invalid("sorters=displayName,")).containsExactly(v("sorters", Code.SORTER_EMPTY, ""));
    assertThat(invalid("sorters=,displayName")).containsExactly(v("sorters", Code.SORTER_EMPTY, ""));
    assertThat(invalid("sorters=displayName,-displayName"))
        .containsExactly(v("sorters", Code.SORTER_REPEATED_FIELD, "-displayName"));
    assertThat(invalid("sorters=bogus,,usageCount,-usageCount")).containsExactly(
        v("sorters", Code.SORTER_UNKNOWN_FIELD, "bogus"),
        v("sorters", Code.SORTER_EMPTY, ""),
        v("sorters", Code.SORTER_REPEATED_FIELD, "-usageCount"));
    assertThat(invalid("sorters=displayName,").get(0).message()).contains("sorters").contains("empty item");
    assertThat(invalid("sorters=name").get(0).message()).contains("'name'");
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    assertThat(invalid("limit=1&limit=2")).containsExactly(v("limit", Code.PARAMETER_REPEATED, null));
    assertThat(invalid("limit=1&limit=1")).containsExactly(v("limit", Code.PARAMETER_REPEATED, null));
    assertThat(invalid("sorters=email&sorters=")).containsExactly(v("sorters", Code.PARAMETER_REPEATED, null));
    assertThat(invalid("count=true&count=true")).containsExactly(v("count", Code.PARAMETER_REPEATED, null));
    // An unknown parameter may repeat: it is ignored.
    assertThat(valid("x=1&x=2&limit=3").limit()).isEqualTo(3);
  }

  @Test
  void malformedPercentEncodingIsRefusedForKnownParametersOnly() {
    assertThat(invalid("limit=%zz")).containsExactly(v("limit", Code.MALFORMED_ENCODING, null));
    assertThat(invalid("sorters=%E2%82")).containsExactly(v("sorters", Code.MALFORMED_ENCODING, null));
    assertThat(invalid("count=%")).containsExactly(v("count", Code.MALFORMED_ENCODING, null));
    assertThat(valid("other=%zz&limit=4").limit()).isEqualTo(4);
  }

  @Test
  void everyBrokenRuleIsCollectedInAStableOrder() {
    assertThat(IdentityUsageQuery.parse("", "s".repeat(129),
        QueryString.parse("count=maybe&limit=abc&offset=-1&sorters=x"))).isEqualTo(new ParsedQuery.Invalid(List.of(
            v("potentialRoleId", Code.ID_EMPTY, null),
            v("sourceId", Code.ID_TOO_LONG, null, 128),
            v("sorters", Code.SORTER_UNKNOWN_FIELD, "x"),
            v("offset", Code.BELOW_MINIMUM, "-1", 0),
            v("limit", Code.NOT_AN_INTEGER, "abc"),
            v("count", Code.NOT_A_BOOLEAN, "maybe"))));
  }

  @Test
  void pathIdsAreNonEmptyAtMost128CharsWithoutControlCharacters() {
    QueryString none = QueryString.empty();
    assertThat(IdentityUsageQuery.parse("p".repeat(128), "pr/x", none)).isInstanceOf(ParsedQuery.Valid.class);
    // 128 chars counted as UTF-16 units, as in TextRules: 64 surrogate pairs are 128 chars.
    assertThat(IdentityUsageQuery.parse("\uD83D\uDE00".repeat(64), "src", none)).isInstanceOf(ParsedQuery.Valid.class);
    assertThat(IdentityUsageQuery.parse("p".repeat(129), "src", none))
        .isEqualTo(new ParsedQuery.Invalid(List.of(v("potentialRoleId", Code.ID_TOO_LONG, null, 128))));
    assertThat(IdentityUsageQuery.parse("pr", "a\u0001b", none))
        .isEqualTo(new ParsedQuery.Invalid(List.of(v("sourceId", Code.ID_INVALID_CHARACTER, null))));
    assertThat(IdentityUsageQuery.parse("pr", "", none))
        .isEqualTo(new ParsedQuery.Invalid(List.of(v("sourceId", Code.ID_EMPTY, null))));
  }

  @Test
  void theBuilderRefusesWhatParseRefuses() {
    assertThatThrownBy(() -> IdentityUsageQuery.builder("pr", "src").limit(251).offset(-2).build())
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.violations()).containsExactly(
            v("offset", Code.BELOW_MINIMUM, "-2", 0), v("limit", Code.ABOVE_MAXIMUM, "251", 250)));
    assertThatThrownBy(() -> IdentityUsageQuery.builder("pr", "src")
        .sorters(Sorter.ascending(SortField.EMAIL), Sorter.descending(SortField.EMAIL)).build())
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.violations())
            .containsExactly(v("sorters", Code.SORTER_REPEATED_FIELD, "-email")));
    assertThat(IdentityUsageQuery.builder("pr", "src").offset(Integer.MAX_VALUE).limit(250).build().end())
        .isEqualTo(2_147_483_897L);
  }

  @Test
  void anEchoedValueIsShortenedWithoutSplittingASurrogatePair() {
    // 100 x: echoed as the first 64 and an ellipsis.
    assertThat(invalid("sorters=" + "x".repeat(100)).get(0).value()).isEqualTo("x".repeat(64) + "…");
    // "a" then pairs at (1,2) … (63,64): cutting at 64 would leave the high surrogate at 63 alone, so cut at 63.
    String item = "a" + "\uD83D\uDE00".repeat(40);
    assertThat(invalid("sorters=" + item).get(0).value()).isEqualTo(item.substring(0, 63) + "…");
  }
}
