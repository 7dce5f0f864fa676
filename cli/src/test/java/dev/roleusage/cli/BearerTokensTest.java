package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.http.Authentication;
import dev.roleusage.http.HttpCall;
import dev.roleusage.model.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BearerTokensTest {
  private final BearerTokens tokens = BearerTokens.of(List.of(
      new BearerTokens.Token("s3cret", TenantId.of("acme"), Set.of("iai:access-modeling:read")),
      new BearerTokens.Token("other", TenantId.of("globex"), Set.of("iai:access-modeling:read"))),
      new CommandLine(CommandLine.Model.CommandSpec.create()));

  private static HttpCall call(List<String> authorization) {
    return new HttpCall("GET", "/role-mining-potential-roles/pr/sources/s/identityUsage", null,
        Map.of("Authorization", authorization), Optional.empty());
  }

  @Test
  void oneKnownTokenSelectsItsTenant() {
    Authentication a = tokens.authenticate(call(List.of("Bearer s3cret")));
    assertThat(a).isInstanceOf(Authentication.Authenticated.class);
    assertThat(((Authentication.Authenticated) a).caller().tenant()).isEqualTo(TenantId.of("acme"));
  }

  @Test
  void twoAuthorizationHeadersAreRefusedNotResolvedByTakingTheFirst() {
    // Found by a review: "Bearer other" then "Bearer s3cret" was served as globex's caller.
    Authentication a = tokens.authenticate(call(List.of("Bearer other", "Bearer s3cret")));
    assertThat(a).isEqualTo(Authentication.rejected("Authorization header given more than once"));
  }
}
