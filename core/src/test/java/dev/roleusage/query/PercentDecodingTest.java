package dev.roleusage.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {
  @Test
  void pathSegmentsKeepPlusAndDecodeSlashIntoTheId() {
    assertThat(PercentDecoding.pathSegment("pr%2Fx")).hasValue("pr/x");
    assertThat(PercentDecoding.pathSegment("pr%2fx")).hasValue("pr/x");
    assertThat(PercentDecoding.pathSegment("a+b")).hasValue("a+b");
    assertThat(PercentDecoding.pathSegment("a%20b")).hasValue("a b");
    assertThat(PercentDecoding.pathSegment("plain-id")).hasValue("plain-id");
    assertThat(PercentDecoding.pathSegment("%e2%82%ac")).hasValue("€");
    assertThat(PercentDecoding.pathSegment("%F0%9F%98%80")).hasValue("\uD83D\uDE00");
    assertThat(PercentDecoding.pathSegment("%25")).hasValue("%");
  }

  @Test
  void queryPartsTurnPlusIntoSpace() {
    assertThat(PercentDecoding.queryPart("a+b")).hasValue("a b");
    assertThat(PercentDecoding.queryPart("a%2Bb")).hasValue("a+b");
  }

  @Test
  void malformedEscapesAndNonUtf8AreErrorsNotReplacements() {
    for (String bad : new String[] {"%", "%4", "a%zz", "%G1", "%C3%28", "%C0%AF", "%ED%A0%80", "%FF", "%E2%82"}) {
      assertThat(PercentDecoding.pathSegment(bad)).as(bad).isEmpty();
      assertThat(PercentDecoding.queryPart(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void rawSurrogatesMustBePairedNeverReplacedByAQuestionMark() {
    // A raw (unencoded) supplementary character is tolerated as its UTF-8 bytes...
    assertThat(PercentDecoding.pathSegment("a\uD83D\uDE00b")).hasValue("a\uD83D\uDE00b");
    assertThat(PercentDecoding.queryPart("a%20\uD83D\uDE00")).hasValue("a \uD83D\uDE00");
    // ...but a lone surrogate is not text: String.getBytes would turn it into '?', so "a\uD800"
    // and "a?" would name the same id.
    for (String bad : new String[] {"a%20\uD800", "a%20\uDC00b", "%41\uD800a", "\uD83D%41"}) {
      assertThat(PercentDecoding.pathSegment(bad)).as(bad).isEmpty();
      assertThat(PercentDecoding.queryPart(bad)).as(bad).isEmpty();
    }
  }
}
