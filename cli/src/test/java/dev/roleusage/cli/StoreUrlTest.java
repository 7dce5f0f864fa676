package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreUrlTest {
  @Test
  void passwordInTheQueryStringIsMasked() {
    assertThat(new StoreUrl("jdbc:postgresql://127.0.0.1:5432/test?user=u&password=hunter2&ssl=false").shown())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=u&password=***&ssl=false");
  }

  @Test
  void passwordInTheUserInfoIsMasked() {
    // Found by a review: the user:password@ form was echoed in error messages.
    assertThat(new StoreUrl("jdbc:postgresql://nobody:hunter2@127.0.0.1:5432/test").shown())
        .isEqualTo("jdbc:postgresql://nobody:***@127.0.0.1:5432/test");
  }

  @Test
  void urlsWithoutPasswordsAreShownAsGiven() {
    assertThat(new StoreUrl("jdbc:postgresql://127.0.0.1:5432/test?user=postgres").shown())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    assertThat(new StoreUrl("jdbc:h2:file:./roleusage-data/roleusage").shown())
        .isEqualTo("jdbc:h2:file:./roleusage-data/roleusage");
  }
}
