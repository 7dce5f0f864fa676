package dev.roleusage.http;

import static dev.roleusage.http.Fixtures.USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleusage.query.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CONTRACT §5 locales: Accept-Language with q-values picks a bundled locale (REQUEST) or falls back
 * to en-US (DEFAULT), never to the JVM's locale (these tests run under {@code -Duser.language=tr}).
 */
class LocalizationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final IdentityUsageEndpoint endpoint = Fixtures.acmeEndpoint().build();

  private JsonNode badRequest(String acceptLanguage) throws IOException {
    Map<String, String> headers = new HashMap<>(Fixtures.EXPERIMENTAL);
    if (acceptLanguage != null) {
      headers.put("Accept-Language", acceptLanguage);
    }
    HttpAnswer answer = endpoint.handle(HttpCall.get(USAGE + "?limit=300", headers));
    PublishedSchemas.assertConforms(answer);
    assertThat(answer.status()).isEqualTo(400);
    return JSON.readTree(answer.body());
  }

  @ParameterizedTest(name = "Accept-Language: {0} → {1} {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL                        | en-US | DEFAULT",
      "de                          | de-DE | REQUEST",
      "de-DE                       | de-DE | REQUEST",
      "de-CH                       | de-DE | REQUEST",
      "DE-de                       | de-DE | REQUEST",
      "fr-CA, de;q=0.5             | de-DE | REQUEST",
      "de;q=0.4, en;q=0.9          | en-US | REQUEST",
      "de;q=0, en;q=0.1            | en-US | REQUEST",
      "en-GB                       | en-US | REQUEST",
      "tr-TR                       | en-US | DEFAULT",
      "fr                          | en-US | DEFAULT",
      "*                           | en-US | DEFAULT",
      "de;q=0                      | en-US | DEFAULT",
      "en;q=2                      | en-US | DEFAULT",
      "??                          | en-US | DEFAULT",
      "de;q=abc                    | en-US | DEFAULT",
      "''                          | en-US | DEFAULT"})
  void negotiation(String acceptLanguage, String locale, String origin) throws IOException {
    JsonNode body = badRequest(acceptLanguage);
    for (JsonNode m : List.of(body.get("messages").get(0), body.get("causes").get(0))) {
      assertThat(m.get("locale").asText()).isEqualTo(locale);
      assertThat(m.get("localeOrigin").asText()).isEqualTo(origin);
    }
    String cause = body.get("causes").get(0).get("text").asText();
    assertThat(cause).isEqualTo(locale.equals("de-DE")
        ? "limit darf höchstens 250 sein, war aber 300"
        : "limit must be at most 250, but was 300");
  }

  @Test
  void germanTextsForTheMessageAndEveryCause() throws IOException {
    Map<String, String> headers = Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.8");
    HttpAnswer answer = endpoint.handle(HttpCall.get(USAGE + "?count=vielleicht&sorters=name", headers));
    PublishedSchemas.assertConforms(answer);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("messages").get(0).get("text").asText())
        .isEqualTo("Die Anfrage ist syntaktisch korrekt, ihr Inhalt ist aber ungültig.");
    List<String> causes = new ArrayList<>();
    body.get("causes").forEach(c -> causes.add(c.get("text").asText()));
    assertThat(causes).containsExactly(
        "der Header X-SailPoint-Experimental fehlt oder ist nicht 'true'",
        "sorters-Element 'name' ist keines von displayName, email, usageCount",
        "count muss true oder false sein, war aber 'vielleicht'");
  }

  @Test
  void everyBundleHasEveryKeyAndEveryViolationCode() throws IOException {
    Properties en = bundle("Messages_en.properties");
    Properties de = bundle("Messages_de.properties");
    assertThat(de.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (Violation.Code code : Violation.Code.values()) {
      assertThat(en.getProperty("violation." + code.name())).as(code.name()).isNotBlank();
    }
    // No root bundle: a locale without a bundle can never silently get one.
    assertThat(LocalizationTest.class.getResource("/dev/roleusage/http/Messages.properties")).isNull();
  }

  @Test
  void theEnglishBundleSaysWhatCoresEnglishMessageSays() {
    Messages.Chosen english = new Messages().fallback();
    for (Violation.Code code : Violation.Code.values()) {
      Violation v = Violation.of("limit", code, "it's {x}", 250);
      assertThat(english.violation(v)).as(code.name()).isEqualTo(v.message());
    }
  }

  @Test
  void theJvmLocaleIsNeverUsed() {
    // Surefire runs with -Duser.language=tr; a fallback to it (or to a root bundle) would show here.
    assertThat(Locale.getDefault().getLanguage()).isEqualTo("tr");
    Messages messages = new Messages();
    assertThat(messages.negotiate(List.of()).tag()).isEqualTo("en-US");
    assertThat(messages.negotiate(List.of("tr")).fromRequest()).isFalse();
    assertThat(Arrays.asList(messages.negotiate(List.of("tr")).tag(), messages.negotiate(List.of("tr")).text("message.500")))
        .containsExactly("en-US", "An internal fault occurred.");
  }

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LocalizationTest.class.getResourceAsStream("/dev/roleusage/http/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
