package dev.roleusage.cli;

import dev.roleusage.http.Authentication;
import dev.roleusage.http.Authenticator;
import dev.roleusage.http.Caller;
import dev.roleusage.http.HttpCall;
import dev.roleusage.model.InvalidRecordException;
import dev.roleusage.model.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code serve --token SECRET=TENANT[:SCOPE,…]}: an {@link Authenticator} that accepts
 * {@code Authorization: Bearer SECRET} as a caller of TENANT with those scopes. Secrets are compared
 * in constant time; the caller's id is {@code token-<n>} (its position), never the secret.
 */
final class BearerTokens implements Authenticator {
  /** One accepted token. */
  record Token(String secret, TenantId tenant, Set<String> scopes) {}

  private final List<Token> tokens;

  private BearerTokens(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  static BearerTokens of(List<Token> tokens, CommandLine cl) {
    Set<String> seen = new HashSet<>();
    for (Token t : tokens) {
      if (!seen.add(t.secret())) {
        throw new CommandLine.ParameterException(cl, "--token: the same SECRET is given twice");
      }
    }
    return new BearerTokens(tokens);
  }

  @Override
  public Authentication authenticate(HttpCall call) {
    // Two Authorization headers are ambiguous: a proxy and this server could each pick a
    // different one and disagree about who is calling, so refuse instead of taking the first.
    if (call.headers().getOrDefault("Authorization", List.of()).size() > 1) {
      return Authentication.rejected("Authorization header given more than once");
    }
    Optional<String> header = call.header("Authorization");
    if (header.isEmpty()) {
      return Authentication.rejected("Authentication required");
    }
    String value = header.get().strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return Authentication.rejected("Bearer token required");
    }
    byte[] presented = value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    Token match = null;
    int index = 0;
    for (int i = 0; i < tokens.size(); i++) {
      // every token is compared (no early exit), each in constant time
      if (MessageDigest.isEqual(presented, tokens.get(i).secret().getBytes(StandardCharsets.UTF_8))) {
        match = tokens.get(i);
        index = i + 1;
      }
    }
    if (match == null) {
      return Authentication.rejected("Invalid bearer token");
    }
    return Authentication.of(new Caller("token-" + index, match.tenant(), match.scopes()));
  }

  /** Parses {@code SECRET=TENANT[:SCOPE,…]}; the tenant ends at the first ':' (scopes contain ':'). */
  static final class TokenConverter implements CommandLine.ITypeConverter<Token> {
    @Override
    public Token convert(String value) {
      int eq = value.indexOf('=');
      if (eq <= 0 || eq == value.length() - 1) {
        throw new TypeConversionException("expected SECRET=TENANT[:SCOPE,…], e.g."
            + " s3cret=acme:iai:access-modeling:read");
      }
      String secret = value.substring(0, eq);
      if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new TypeConversionException("the SECRET of a token must be printable ASCII without spaces");
      }
      String rest = value.substring(eq + 1);
      int colon = rest.indexOf(':');
      String tenant = colon < 0 ? rest : rest.substring(0, colon);
      Set<String> scopes = new LinkedHashSet<>();
      if (colon >= 0) {
        Arrays.stream(rest.substring(colon + 1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .forEach(scopes::add);
      }
      try {
        return new Token(secret, TenantId.of(tenant), Set.copyOf(scopes));
      } catch (InvalidRecordException e) {
        throw new TypeConversionException("the TENANT of a token is not a tenant id: " + e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "BearerTokens{" + tokens.size() + " tokens}";
  }
}
