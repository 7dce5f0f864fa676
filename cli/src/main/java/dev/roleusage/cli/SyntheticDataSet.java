package dev.roleusage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes a synthetic data-set folder shaped like real identity data, deterministically: the same
 * parameters and seed give the same bytes on every machine and JVM (one {@link SplittableRandom}
 * per identity, derived from the seed; no clock, no default locale or zone).
 *
 * <ul>
 *   <li>Activity is skewed: about 5% heavy users (most days, several sources), 65% light users
 *       (a few days a month), 30% who never use anything.
 *   <li>Roles and sources follow a Zipf-like popularity: role 1 and source 1 are the biggest, the
 *       tail is small; most identities are in one or two roles, a few in none.
 *   <li>Names are international: accents, Turkish dotted/dotless i, Greek, Cyrillic, CJK, some
 *       with a supplementary character (𠮷), "Last, First" forms (CSV quoting), lower- and upper-case
 *       variants; about 1% have no display name and 10% no e-mail; some e-mails are mixed case.
 *   <li>Usage spans {@code days} days ending {@code until}; {@code at} is mostly a UTC instant,
 *       sometimes an instant with an offset or a bare date; some days have several uses.
 * </ul>
 */
final class SyntheticDataSet {
  private static final String[] FIRST = {
      "Ada", "Émile", "Zoë", "José", "Søren", "Łukasz", "İlkay", "Björn", "Chloé", "François", "Seán",
      "Núria", "Ørjan", "Maël", "Jürgen", "Aleš", "Aylin", "Şebnem", "Iñaki", "Małgorzata", "Göran",
      "Þóra", "Ana", "John", "Mary-Kate", "Jean-Luc", "Ilya", "Ines", "Isabel", "ıšık", "Σοφία",
      "Αλέξανδρος", "Дмитрий", "Ольга", "太郎", "花子", "지민", "Linh", "Sam", "Priya", "Oğuz", "Émilie",
      "Zoe", "Jose", "Anaïs", "Ådne", "Ève", "Ünal"};
  private static final String[] LAST = {
      "Lovelace", "Müller", "Østergaard", "García", "Núñez", "Öztürk", "Çelik", "Łęcki", "Dvořák",
      "Šimić", "O'Brien", "McDonald", "van der Berg", "de la Cruz", "d'Arcy", "Ångström", "Sørensen",
      "Ibragimov", "Ибрагимов", "Παπαδόπουλος", "山田", "金", "Nguyễn", "Smith", "smith", "Müller-Lüdenscheidt",
      "İnce", "Yılmaz", "Dupont", "Kowalski", "Eriksson", "Ó Súilleabháin", "Zając", "Ng", "Li"};
  /** Supplementary-plane surnames (U+20BB7 𠮷 is a real variant in Japanese names). */
  private static final String[] LAST_SUPPLEMENTARY = {"𠮷田", "𠮷野", "𠮷川"};
  private static final String[] DEPARTMENTS = {
      "Finance", "Engineering", "Sales", "Human Resources", "Support", "Legal", "Marketing", "IT Operations",
      "Procurement", "Research"};
  private static final String[] APPLICATIONS = {
      "Active Directory", "SAP ERP", "Workday", "Salesforce", "GitHub", "Jira", "ServiceNow", "Okta",
      "AWS Console", "Slack", "Confluence", "Oracle EBS", "Snowflake", "Zendesk", "NetSuite"};
  private static final String[] OFFSETS = {"+02:00", "-05:00", "+05:30", "+09:00", "-08:00", "+01:00"};
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final int identities;
  private final int roles;
  private final int sources;
  private final long seed;
  private final int days;
  private final LocalDate until;
  private final double[] roleWeights;
  private final double[] sourceWeights;

  SyntheticDataSet(int identities, int roles, int sources, long seed, int days, LocalDate until) {
    this.identities = identities;
    this.roles = roles;
    this.sources = sources;
    this.seed = seed;
    this.days = days;
    this.until = until;
    this.roleWeights = zipf(roles);
    this.sourceWeights = zipf(sources);
  }

  /** Writes the five files into {@code dir} (created if missing) and returns data rows per file. */
  Map<String, Long> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("identities.csv", writeIdentities(dir.resolve("identities.csv")));
    rows.put("potentialRoles.csv", writeNamed(dir.resolve("potentialRoles.csv"), roles, "role", DEPARTMENTS));
    rows.put("sources.csv", writeNamed(dir.resolve("sources.csv"), sources, "src", APPLICATIONS));
    rows.put("memberships.csv", writeMemberships(dir.resolve("memberships.csv")));
    rows.put("usage.csv", writeUsage(dir.resolve("usage.csv")));
    return rows;
  }

  static String identityId(int i, int n) {
    return "id-" + pad(i, n);
  }

  static String roleId(int r, int n) {
    return "role-" + pad(r, n);
  }

  static String sourceId(int s, int n) {
    return "src-" + pad(s, n);
  }

  private static String pad(int i, int n) {
    int width = Math.max(3, String.valueOf(n).length());
    String digits = String.valueOf(i);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  // ---- one identity, regenerated identically for every file from its own random stream

  private enum Activity { HEAVY, LIGHT, NEVER }

  private final class Profile {
    final int index;
    final SplittableRandom random;
    final String displayName;
    final String email;
    final Activity activity;
    final int[] roleIndexes;

    Profile(int index) {
      this.index = index;
      this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = random.nextInt(50) == 0
          ? LAST_SUPPLEMENTARY[random.nextInt(LAST_SUPPLEMENTARY.length)]
          : LAST[random.nextInt(LAST.length)];
      int form = random.nextInt(100);
      String name;
      if (form < 1) {
        name = null;
      } else if (form < 11) {
        name = last + ", " + first;
      } else if (form < 15) {
        name = (first + " " + last).toLowerCase(Locale.ROOT);
      } else if (form < 19) {
        name = (first + " " + last).toUpperCase(Locale.ROOT);
      } else {
        name = first + " " + last;
      }
      this.displayName = name;
      int mail = random.nextInt(100);
      if (mail < 10) {
        this.email = null;
      } else {
        String local = ascii(first) + "." + ascii(last);
        if (local.equals(".")) {
          local = "user";
        }
        local = local.replaceAll("^\\.|\\.$", "") + index;
        this.email = mail < 13 ? capitalised(local) + "@Example.TEST" : local + "@example.test";
      }
      int a = random.nextInt(100);
      this.activity = a < 5 ? Activity.HEAVY : a < 70 ? Activity.LIGHT : Activity.NEVER;
      int k = random.nextInt(100);
      int memberships = k < 4 ? 0 : k < 64 ? 1 : k < 89 ? 2 : 3 + random.nextInt(3);
      TreeSet<Integer> chosen = new TreeSet<>();
      for (int m = 0; m < Math.min(memberships, roles); m++) {
        chosen.add(pick(roleWeights, random));
      }
      this.roleIndexes = chosen.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private long writeIdentities(Path file) throws IOException {
    try (Writer w = writer(file)) {
      w.write("id,displayName,email\n");
      for (int i = 1; i <= identities; i++) {
        Profile p = new Profile(i);
        w.write(csv(identityId(i, identities)) + "," + csv(p.displayName) + "," + csv(p.email) + "\n");
      }
    }
    return identities;
  }

  private long writeNamed(Path file, int count, String kind, String[] names) throws IOException {
    try (Writer w = writer(file)) {
      w.write("id,name\n");
      for (int i = 1; i <= count; i++) {
        String name = names[(i - 1) % names.length] + (i > names.length ? " " + ((i - 1) / names.length + 1) : "");
        String id = kind.equals("role") ? roleId(i, count) : sourceId(i, count);
        w.write(csv(id) + "," + csv(name) + "\n");
      }
    }
    return count;
  }

  private long writeMemberships(Path file) throws IOException {
    long rows = 0;
    try (Writer w = writer(file)) {
      w.write("potentialRoleId,identityId\n");
      for (int i = 1; i <= identities; i++) {
        Profile p = new Profile(i);
        for (int r : p.roleIndexes) {
          w.write(roleId(r + 1, roles) + "," + identityId(i, identities) + "\n");
          rows++;
        }
      }
    }
    return rows;
  }

  private long writeUsage(Path file) throws IOException {
    long rows = 0;
    LocalDate first = until.minusDays(days - 1L);
    try (Writer w = writer(file)) {
      w.write("identityId,sourceId,at\n");
      for (int i = 1; i <= identities; i++) {
        Profile p = new Profile(i);
        if (p.activity == Activity.NEVER) {
          continue;
        }
        SplittableRandom random = p.random;
        boolean heavy = p.activity == Activity.HEAVY;
        int wanted = heavy ? 2 + random.nextInt(Math.max(1, Math.min(sources, 8) - 1))
            : 1 + random.nextInt(Math.min(sources, 3));
        TreeSet<Integer> used = new TreeSet<>();
        for (int s = 0; s < wanted; s++) {
          used.add(pick(sourceWeights, random));
        }
        String id = identityId(i, identities);
        for (int s : used) {
          double perDay = heavy ? 0.3 + 0.6 * random.nextDouble() : 0.01 + 0.07 * random.nextDouble();
          String source = sourceId(s + 1, sources);
          for (int d = 0; d < days; d++) {
            if (random.nextDouble() >= perDay) {
              continue;
            }
            LocalDate day = first.plusDays(d);
            int uses = random.nextInt(10) < 3 ? 2 + random.nextInt(3) : 1;
            for (int u = 0; u < uses; u++) {
              w.write(id + "," + source + "," + at(day, random) + "\n");
              rows++;
            }
          }
        }
      }
    }
    return rows;
  }

  /** Mostly a UTC instant on {@code day}; sometimes the same instant written with an offset, or a bare date. */
  private static String at(LocalDate day, SplittableRandom random) {
    int form = random.nextInt(100);
    if (form < 7) {
      return day.toString();
    }
    Instant instant = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
    if (form < 15) {
      return INSTANT.format(instant.atOffset(ZoneOffset.of(OFFSETS[random.nextInt(OFFSETS.length)])));
    }
    return INSTANT.format(instant.atOffset(ZoneOffset.UTC));
  }

  // ---- helpers

  /** Cumulative weights 1/(k+1), so index 0 is the most popular. */
  private static double[] zipf(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= sum;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, SplittableRandom random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    int index = i >= 0 ? i + 1 : -i - 1;
    return Math.min(index, cumulative.length - 1);
  }

  private static String ascii(String s) {
    String folded = Normalizer.normalize(s, Normalizer.Form.NFD).replace("ı", "i").replace("ł", "l")
        .replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("þ", "th").replace("Þ", "Th");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = Character.toLowerCase(folded.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String capitalised(String local) {
    StringBuilder out = new StringBuilder(local.length());
    boolean up = true;
    for (char c : local.toCharArray()) {
      out.append(up ? Character.toUpperCase(c) : c);
      up = c == '.';
    }
    return out.toString();
  }

  /** RFC 4180: quote a field with a comma, quote, CR or LF; null is the empty field ("missing"). */
  static String csv(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }
}
