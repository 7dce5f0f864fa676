package dev.roleusage.contract;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random data for the suite's property test, from a seed (so a failure names a reproducible seed):
 * members with awkward names (mixed case, accents, Turkish İ/ı, ß, characters outside the BMP,
 * U+FFFD/U+E000 which String.compareTo misorders, missing values, ties), non-members with usage,
 * members without an identity record, usage days around both window ends as dates and instants,
 * and random sorters. The same raw rows feed the store (through a change set) and
 * {@link ReferenceAnswers} (as strings).
 */
final class RandomCase {
  static final String ROLE = "pr";
  static final String SOURCE = "src";

  private static final String[] NAME_PARTS = {
      "ada", "Ada", "ADA", "ıvan", "Ivan", "IVAN", "İpek", "ipek", "straße", "STRASSE", "Strasse",
      "Émile", "émile", "emile", "\uD83D\uDE00 smile", "\uFFFD", "\uE000x", "\uD835\uDD18nicode", "Zoë",
      "zoe", "Ω", "ω", "a", "A", "b", "B"};
  private static final String[] EMAIL_PARTS = {
      "ada@x.test", "ADA@x.test", "Ada@X.Test", "é@x.test", "\uD83D\uDE00@x.test", "\uFFFD@x.test",
      "ı@x.test", "i@x.test", "I@x.test", "z@x.test"};
  private static final String[] ID_PARTS = {"a", "B", "b", "\uFFFD", "\uE000", "\uD83D\uDE00", "ı", "I", "é", "0"};
  private static final ZoneId[] ZONES = {
      ZoneOffset.UTC, ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Los_Angeles"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Pago_Pago")};
  private static final int[] EDGE_DAYS_BACK = {-2, -1, 0, 1, 44, 88, 89, 90, 91, 120};

  final long seed;
  final ZoneId zone;
  final Instant now;
  final List<String[]> identities = new ArrayList<>();
  final List<String> members = new ArrayList<>();
  /** identityId, sourceId, at (a date or an instant string). */
  final List<String[]> usage = new ArrayList<>();

  RandomCase(long seed) {
    this.seed = seed;
    Random r = new Random(seed);
    zone = ZONES[r.nextInt(ZONES.length)];
    now = Instant.parse("2025-06-30T00:00:00Z").plusSeconds(r.nextInt(86_400));
    LocalDate asOf = now.atZone(zone).toLocalDate();

    int people = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(40);
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < people) {
      StringBuilder id = new StringBuilder();
      int len = 1 + r.nextInt(3);
      for (int i = 0; i < len; i++) {
        id.append(ID_PARTS[r.nextInt(ID_PARTS.length)]);
      }
      ids.add(id.toString());
    }
    for (String id : ids) {
      boolean member = r.nextInt(5) != 0;
      if (member) {
        members.add(id);
      }
      if (r.nextInt(8) != 0) {
        identities.add(new String[] {id, name(r), email(r)});
      }
      int uses = r.nextInt(6);
      for (int u = 0; u < uses; u++) {
        int back = r.nextBoolean() ? EDGE_DAYS_BACK[r.nextInt(EDGE_DAYS_BACK.length)] : r.nextInt(95);
        LocalDate day = asOf.minusDays(back);
        String source = r.nextInt(6) == 0 ? "other" : SOURCE;
        usage.add(new String[] {id, source, at(r, day)});
      }
    }
  }

  private static String name(Random r) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return null;
    }
    if (kind == 1) {
      return "";
    }
    String name = NAME_PARTS[r.nextInt(NAME_PARTS.length)];
    if (r.nextBoolean()) {
      name = name + " " + NAME_PARTS[r.nextInt(NAME_PARTS.length)];
    }
    return name;
  }

  private static String email(Random r) {
    return r.nextInt(4) == 0 ? null : EMAIL_PARTS[r.nextInt(EMAIL_PARTS.length)];
  }

  /** A whole day, or an instant somewhere around that day (in UTC or with an offset). */
  private String at(Random r, LocalDate day) {
    if (r.nextBoolean()) {
      return day.toString();
    }
    Instant instant = day.atStartOfDay(zone).toInstant().plusSeconds(r.nextInt(86_400 + 7_200) - 3_600);
    if (r.nextBoolean()) {
      return instant.toString();
    }
    return instant.atOffset(ZoneOffset.ofHours(r.nextInt(27) - 12)).toString();
  }

  /** Random sorters: a random subset of the fields in random order, each in a random direction. */
  static List<Sorter> sorters(Random r) {
    List<SortField> fields = new ArrayList<>(List.of(SortField.values()));
    Collections.shuffle(fields, r);
    List<Sorter> sorters = new ArrayList<>();
    for (SortField f : fields.subList(0, r.nextInt(fields.size() + 1))) {
      sorters.add(new Sorter(f, r.nextBoolean()));
    }
    return sorters;
  }

  ChangeSet changes() {
    ChangeSet.Builder b = ChangeSet.builder(zone);
    b.potentialRole(ROLE, "random role").source(SOURCE, "random source");
    for (String[] i : identities) {
      b.identity(i[0], i[1], i[2]);
    }
    for (String m : members) {
      b.membership(ROLE, m);
    }
    for (String[] u : usage) {
      if (u[2].length() == 10) {
        b.usage(u[0], u[1], LocalDate.parse(u[2]));
      } else {
        b.usage(u[0], u[1], java.time.OffsetDateTime.parse(u[2]).toInstant());
      }
    }
    return b.build();
  }

  ReferenceAnswers reference() {
    ReferenceAnswers ref = new ReferenceAnswers().role(ROLE).source(SOURCE);
    for (String[] i : identities) {
      ref.identity(i[0], i[1], i[2]);
    }
    for (String m : members) {
      ref.membership(ROLE, m);
    }
    for (String[] u : usage) {
      ref.usage(u[0], u[1], u[2]);
    }
    return ref;
  }

  @Override
  public String toString() {
    return "seed " + seed + " (" + members.size() + " members, zone " + zone + ", now " + now + ")";
  }
}
