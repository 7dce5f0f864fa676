package dev.roleusage.http;

import java.util.Objects;

/** What an {@link Authenticator} decided: a {@link Caller}, or a 401 with a text for the caller. */
public sealed interface Authentication {
  /** The request comes from {@code caller}. */
  record Authenticated(Caller caller) implements Authentication {
    public Authenticated {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /**
   * The request is refused with 401 and body {@code {"error": text}}. The text is sent as is, so
   * it must not reveal why a token failed beyond what the caller may know.
   */
  record Rejected(String text) implements Authentication {
    public Rejected {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("a rejection needs a text for the caller, but it was blank");
      }
    }
  }

  static Authentication of(Caller caller) {
    return new Authenticated(caller);
  }

  static Authentication rejected(String text) {
    return new Rejected(text);
  }
}
