package dev.roleusage.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema check used by every test is not vacuous: it refuses what the spec (or our closed reading) refuses. */
class PublishedSchemasTest {
  @Test
  void rowsMustMatchTheItemSchema() {
    assertThat(PublishedSchemas.publishedErrors(200, "[{\"id\":\"a\",\"usageCount\":3}]")).isEmpty();
    assertThat(PublishedSchemas.publishedErrors(200, "[{\"id\":\"a\",\"usageCount\":\"3\"}]")).isNotEmpty();
    assertThat(PublishedSchemas.publishedErrors(200, "[{\"id\":\"a\",\"email\":null,\"usageCount\":3}]")).isNotEmpty();
    assertThat(PublishedSchemas.publishedErrors(200, "{\"id\":\"a\"}")).isNotEmpty();
    // The published item schema is open; the closed reading catches a misspelled or missing key.
    assertThat(PublishedSchemas.publishedErrors(200, "[{\"id\":\"a\",\"usagecount\":3}]")).isEmpty();
    assertThat(PublishedSchemas.closedErrors(200, "[{\"id\":\"a\",\"usagecount\":3}]")).isNotEmpty();
    assertThat(PublishedSchemas.closedErrors(200, "[{\"id\":\"a\"}]")).isNotEmpty();
  }

  @Test
  void errorBodiesMustMatchErrorResponseDto() {
    String good = "{\"detailCode\":\"403 Forbidden\",\"trackingId\":\"b21b1f7ce4da4d639f2c62a57171b427\","
        + "\"messages\":[{\"locale\":\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"x\"}],\"causes\":[]}";
    assertThat(PublishedSchemas.publishedErrors(403, good)).isEmpty();
    assertThat(PublishedSchemas.closedErrors(403, good)).isEmpty();
    assertThat(PublishedSchemas.publishedErrors(403, good.replace("DEFAULT", "JVM"))).isNotEmpty();
    // nullable is not honoured: null is refused (we never send it).
    assertThat(PublishedSchemas.publishedErrors(403, good.replace("\"DEFAULT\"", "null"))).isNotEmpty();
    assertThat(PublishedSchemas.publishedErrors(403, good.replace("[]", "\"none\""))).isNotEmpty();
    assertThat(PublishedSchemas.closedErrors(403, good.replace(",\"causes\":[]", ""))).isNotEmpty();
  }

  @Test
  void theInline401And429Shapes() {
    assertThat(PublishedSchemas.closedErrors(401, "{\"error\":\"JWT validation failed\"}")).isEmpty();
    assertThat(PublishedSchemas.closedErrors(401, "{\"message\":\"JWT validation failed\"}")).isNotEmpty();
    assertThat(PublishedSchemas.closedErrors(429, "{\"message\":\" Rate Limit Exceeded \"}")).isEmpty();
    assertThat(PublishedSchemas.closedErrors(429, "{\"error\":\" Rate Limit Exceeded \"}")).isNotEmpty();
  }
}
