package dev.roleusage.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringTest {
  @Test
  void keepsEveryValueOfARepeatedNameInOrder() {
    QueryString q = QueryString.parse("a=1&b=2&a=3");
    assertThat(q.parameters().get("a")).containsExactly("1", "3");
    assertThat(q.parameters().get("b")).containsExactly("2");
    assertThat(q.malformed()).isEmpty();
  }

  @Test
  void decodesPercentAndPlusAndSplitsAtTheFirstEquals() {
    QueryString q = QueryString.parse("s=%20a%20,+-b&p=%2B&e=a=b&flag&&x=%C3%A9&raw=é");
    assertThat(q.parameters().get("s")).containsExactly(" a , -b");
    assertThat(q.parameters().get("p")).containsExactly("+");
    assertThat(q.parameters().get("e")).containsExactly("a=b");
    assertThat(q.parameters().get("flag")).containsExactly("");
    assertThat(q.parameters().get("x")).containsExactly("é");
    assertThat(q.parameters().get("raw")).containsExactly("é");
    assertThat(q.parameters().keySet()).containsExactly("s", "p", "e", "flag", "x", "raw");
  }

  @Test
  void emptyAndNullAreEmpty() {
    assertThat(QueryString.parse(null).parameters().isEmpty()).isTrue();
    assertThat(QueryString.parse("").parameters().isEmpty()).isTrue();
    assertThat(QueryString.parse("&&").parameters().isEmpty()).isTrue();
    assertThat(QueryString.empty().parameters().isEmpty()).isTrue();
  }

  @Test
  void remembersMalformedPartsByName() {
    QueryString q = QueryString.parse("limit=%zz&ok=1&%GG=2&bad=%C3%28");
    assertThat(q.malformed()).containsExactlyInAnyOrder("limit", "%GG", "bad");
    assertThat(q.parameters().get("ok")).containsExactly("1");
  }
}
