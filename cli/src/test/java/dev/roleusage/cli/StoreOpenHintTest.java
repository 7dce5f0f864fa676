package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreOpenHintTest {
  @Test
  void aLockedH2FileSaysWhoHoldsIt() {
    // Found by a review: import while serve held the default H2 file said only "SQLState 90020".
    assertThat(Session.hint("could not install the roleusage schema: H2 failed (SQLState 90020)"))
        .contains("in use by another process");
  }

  @Test
  void postgresStatesKeepTheirHints() {
    assertThat(Session.hint("PostgreSQL failed (SQLState 28P01)")).contains("authentication failed");
    assertThat(Session.hint("PostgreSQL failed (SQLState 3F000)")).contains("CREATE SCHEMA");
    assertThat(Session.hint("something else")).isEmpty();
  }
}
