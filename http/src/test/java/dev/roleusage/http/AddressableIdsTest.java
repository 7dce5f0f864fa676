package dev.roleusage.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any id a store accepts can be addressed in a path when encoded the way the SDK does
 * ({@code encodeURIComponent}): slashes, percent signs, plus, spaces, non-ASCII, astral characters.
 */
class AddressableIdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"a/b", "/", "//", "%", "%2F", "a+b", "a b", "ä", "İstanbul", "ı", "😀/🙂", "?x=1&y",
      "#frag", ";v=1", "..", ".", "v1", "sources", "identityUsage", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void everyStorableIdIsReachable(String id) {
    RoleUsage engine = RoleUsage.builder(new InMemoryUsageStore())
        .clock(java.time.Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).build();
    engine.apply(Fixtures.ACME, ChangeSet.builder(ZoneOffset.UTC)
        .identity("m", "Member", null).membership(id, "m").source(id, "S").build());
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(engine).defaultTenant(Fixtures.ACME).build();
    String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    HttpAnswer answer = endpoint.handle(HttpCall.get(
        "/v2024/role-mining-potential-roles/" + encoded + "/sources/" + encoded + "/identityUsage", Fixtures.EXPERIMENTAL));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.bodyText()).isEqualTo("[{\"id\":\"m\",\"displayName\":\"Member\",\"usageCount\":0}]");
  }
}
