package dev.roleusage.benchmarks;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.UsageStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated potential role of {@code n} members using one source, the same for a given
 * {@code (n, seed)} on every machine. Random access: member {@code i} is computed from
 * {@code (seed, i)} alone, so a million members are never held twice while loading.
 *
 * <p>Skew, roughly as in real role-mining data:
 * <ul>
 *   <li>2% heavy users (45–90 distinct days of the last 120), 18% regular (8–30), 50% light
 *       (1–5), 30% never used the source. About 5 usage days per member on average; days fall
 *       over 120 days, so some lie before the 90-day window and do not count.
 *   <li>Ids are 32 hex chars in no relation to the loading order, like ISC's ids.
 *   <li>Names mix case and scripts (accents, Turkish dotted İ, ALL CAPS, lower case); 3% of
 *       members have no display name, 12% no e-mail, 0.5% no identity record at all.
 * </ul>
 */
final class Population {
  static final TenantId TENANT = TenantId.of("bench-tenant");
  static final String ROLE = "pr-bench";
  static final String SOURCE = "src-bench";
  /** "Today": fixed, so every run counts the same window. */
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final Clock CLOCK = Clock.fixed(AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  static final UsageWindow WINDOW = UsageWindow.endingOn(AS_OF);
  /** Usage is spread over this many days ending today; the window is the last 90 of them. */
  static final int SPAN_DAYS = 120;
  static final long DEFAULT_SEED = 20260630L;

  private static final String[] FIRST = {
    "Ada", "Zoë", "Åsa", "Émile", "José", "Ørjan", "Łukasz", "Ömer", "İlkay", "Ñusta", "Chloé",
    "Björn", "François", "Søren", "Mateus", "Anaïs", "Dmitri", "Grace", "Yūki", "Mei", "Olu",
    "Priya", "Ravi", "Sinéad", "Tomás", "Ugo", "Véronique", "Wiktor", "Xiadani", "Zdeněk",
    "alan", "barbara", "Carlos", "Dana", "Elif", "Fatima", "Gustav", "Hana", "Ines", "Jonas",
    "Kofi", "Lena", "Marek", "Nadia", "Oskar", "Paula", "Quentin", "Rosa", "Sven", "Thu",
  };
  private static final String[] LAST = {
    "Lovelace", "Müller", "O'Brien", "van der Berg", "Ångström", "de la Cruz", "Nguyễn", "Smith",
    "Çelik", "Øvergaard", "Šimek", "Żak", "Dubois", "García", "Kowalski", "Yılmaz", "Ivanova",
    "Tanaka", "Okafor", "Sharma", "Rossi", "Novák", "Jensen", "Papadopoulos", "Hernández",
    "Schäfer", "Lindqvist", "MacDonald", "d'Arcy", "Łaski", "Ötzi", "Brontë", "Ueda", "Kim",
    "Li", "Wang", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Moore",
  };

  final int n;
  final long seed;
  private final LocalDate[] days = new LocalDate[SPAN_DAYS];

  Population(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    this.n = n;
    this.seed = seed;
    for (int d = 0; d < SPAN_DAYS; d++) {
      days[d] = AS_OF.minusDays(SPAN_DAYS - 1 - d);
    }
  }

  Population(int n) {
    this(n, DEFAULT_SEED);
  }

  /** Member {@code i}'s id: 32 lower-case hex chars, distinct for distinct {@code i}. */
  String id(int i) {
    // mix64 is a bijection on long, so the first 16 chars already differ for distinct i.
    long a = mix64(seed * 0x9E3779B97F4A7C15L + i);
    long b = mix64(a ^ 0x5851F42D4C957F2DL);
    char[] out = new char[32];
    hex(a, out, 0);
    hex(b, out, 16);
    return new String(out);
  }

  /** False for the 0.5% of members that have a membership but no identity record. */
  boolean hasRecord(int i) {
    return uniform(i, 1) >= 0.005;
  }

  /** The display name, or null (3%). */
  String displayName(int i) {
    SplittableRandom r = random(i, 2);
    if (r.nextInt(1000) < 30) {
      return null;
    }
    String name = FIRST[r.nextInt(FIRST.length)] + " "
        + (r.nextBoolean() ? (char) ('A' + r.nextInt(26)) + ". " : "")
        + LAST[r.nextInt(LAST.length)];
    int casing = r.nextInt(100);
    if (casing < 5) {
      return name.toUpperCase(java.util.Locale.ROOT);
    }
    if (casing < 10) {
      return name.toLowerCase(java.util.Locale.ROOT);
    }
    return name;
  }

  /** The e-mail, or null (12%); a few in mixed case. */
  String email(int i) {
    SplittableRandom r = random(i, 3);
    if (r.nextInt(100) < 12) {
      return null;
    }
    String local = "user" + Integer.toString(i, 36) + "." + Long.toString(r.nextLong() & 0xFFFFL, 36);
    String email = local + "@" + (r.nextInt(10) == 0 ? "Example.TEST" : "example.test");
    return r.nextInt(20) == 0 ? Character.toUpperCase(email.charAt(0)) + email.substring(1) : email;
  }

  /**
   * Member {@code i}'s usage: sorted distinct day indexes in {@code [0, SPAN_DAYS)}, where
   * {@code SPAN_DAYS - 1} is today. Heavy 2%, regular 18%, light 50%, never 30%.
   */
  int[] usageDayIndexes(int i) {
    SplittableRandom r = random(i, 4);
    int tier = r.nextInt(100);
    int k;
    if (tier < 2) {
      k = 45 + r.nextInt(46);
    } else if (tier < 20) {
      k = 8 + r.nextInt(23);
    } else if (tier < 70) {
      k = 1 + r.nextInt(5);
    } else {
      return new int[0];
    }
    // Partial Fisher-Yates: k distinct days out of SPAN_DAYS.
    int[] all = new int[SPAN_DAYS];
    for (int d = 0; d < SPAN_DAYS; d++) {
      all[d] = d;
    }
    for (int j = 0; j < k; j++) {
      int pick = j + r.nextInt(SPAN_DAYS - j);
      int t = all[j];
      all[j] = all[pick];
      all[pick] = t;
    }
    int[] out = Arrays.copyOf(all, k);
    Arrays.sort(out);
    return out;
  }

  /** Member {@code i}'s usage as epoch days, sorted and distinct. */
  int[] usageEpochDays(int i) {
    int[] idx = usageDayIndexes(i);
    int first = Math.toIntExact(days[0].toEpochDay());
    for (int j = 0; j < idx.length; j++) {
      idx[j] += first;
    }
    return idx;
  }

  /** Member {@code i}'s usage count in {@link #WINDOW}, worked out from the day indexes. */
  int usageCount(int i) {
    int firstInWindow = SPAN_DAYS - UsageWindow.DAYS;
    int c = 0;
    for (int d : usageDayIndexes(i)) {
      if (d >= firstInWindow) {
        c++;
      }
    }
    return c;
  }

  /** Member {@code i} as an answer row, as the contract says the store must return it. */
  IdentityUsage row(int i) {
    return hasRecord(i)
        ? new IdentityUsage(id(i), displayName(i), email(i), usageCount(i))
        : new IdentityUsage(id(i), null, null, usageCount(i));
  }

  /** Every member as an answer row, in generation order (unsorted). */
  List<IdentityUsage> rows() {
    List<IdentityUsage> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(row(i));
    }
    return out;
  }

  /** The change set that declares the source and the role (so an empty role still exists). */
  ChangeSet declarations() {
    return ChangeSet.builder(ZoneOffset.UTC).source(SOURCE, "Benchmark source").potentialRole(ROLE, "Benchmark role").build();
  }

  /** Members {@code [from, to)}: identity records, memberships and usage days. */
  ChangeSet members(int from, int to) {
    ChangeSet.Builder b = ChangeSet.builder(ZoneOffset.UTC);
    for (int i = from; i < to; i++) {
      String id = id(i);
      if (hasRecord(i)) {
        b.identity(id, displayName(i), email(i));
      }
      b.membership(ROLE, id);
      for (int d : usageDayIndexes(i)) {
        b.usage(id, SOURCE, days[d]);
      }
    }
    return b.build();
  }

  /** Number of usage days over all members (what ingestion of the whole population writes). */
  long usageDayTotal() {
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += usageDayIndexes(i).length;
    }
    return total;
  }

  /**
   * Writes the whole population into {@code store} for {@link #TENANT}, {@code batch} members
   * per change set (change sets are held in memory whole, so batches bound the loader's heap).
   */
  void loadInto(UsageStore store, int batch) {
    store.apply(TENANT, declarations());
    for (int from = 0; from < n; from += batch) {
      store.apply(TENANT, members(from, Math.min(n, from + batch)));
    }
  }

  /** The batch size used by the benchmarks: one change set up to a million members. */
  static int defaultBatch(int n) {
    return Math.max(1, Math.min(n, 1_000_000));
  }

  private double uniform(int i, int stream) {
    return (mix64(seed ^ mix64(((long) i << 8) | stream)) >>> 11) * 0x1.0p-53;
  }

  private SplittableRandom random(int i, int stream) {
    return new SplittableRandom(mix64(seed ^ mix64(((long) i << 8) | stream)));
  }

  /** Stafford's variant 13 of the SplitMix64 finalizer: a bijection with good avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void hex(long v, char[] out, int at) {
    for (int j = 15; j >= 0; j--) {
      out[at + j] = Character.forDigit((int) (v & 0xF), 16);
      v >>>= 4;
    }
  }
}
