package dev.roleusage.benchmarks;

import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;

/** Cheap checks run once per trial, so a benchmark never times a wrong answer (an empty page, a 404). */
final class Checks {
  private Checks() {}

  /** The answer is a full page of {@link Requests#LIMIT} rows, with total {@code n} exactly when counted. */
  static void fullPage(Lookup<UsagePage> answer, int n, boolean count) {
    if (!(answer instanceof Lookup.Found<UsagePage> found)) {
      throw new IllegalStateException("expected a page, got " + answer);
    }
    UsagePage page = found.value();
    int expectedRows = Math.min(Requests.LIMIT, n);
    if (page.rows().size() != expectedRows) {
      throw new IllegalStateException("expected " + expectedRows + " rows, got " + page.rows().size());
    }
    if (count ? page.total().orElse(-1) != n : page.total().isPresent()) {
      throw new IllegalStateException("expected total " + (count ? n : "absent") + ", got " + page.total());
    }
  }
}
