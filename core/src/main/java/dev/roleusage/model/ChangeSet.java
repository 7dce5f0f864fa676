package dev.roleusage.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One batch of writes for one tenant: identities, sources, potential roles, memberships and usage.
 * A store applies a change set all-or-nothing: a reader sees either none of it or all of it.
 *
 * <p>Writing an identity, source or role that already exists replaces its attributes (upsert).
 * Memberships and usage days are sets: writing one twice is the same as writing it once.
 * The same identity, source or potential role id twice in one change set is refused with an
 * {@link InvalidRecordException} naming it, because the intended value would be ambiguous.
 *
 * <pre>{@code
 * ChangeSet changes = ChangeSet.builder(ZoneOffset.UTC)
 *     .identity("id-ada", "Ada Lovelace", "ada@example.test")
 *     .membership("pr-1", "id-ada")
 *     .usage("id-ada", "src-1", Instant.parse("2025-06-30T09:15:00Z"))
 *     .build();
 * }</pre>
 */
public final class ChangeSet {
  private final ImmutableList<Identity> identities;
  private final ImmutableList<Source> sources;
  private final ImmutableList<PotentialRole> potentialRoles;
  private final ImmutableSet<Membership> memberships;
  private final ImmutableSet<UsageDay> usage;

  private ChangeSet(Builder b) {
    this.identities = b.identities.build();
    this.sources = b.sources.build();
    this.potentialRoles = b.potentialRoles.build();
    this.memberships = ImmutableSet.copyOf(b.memberships);
    this.usage = ImmutableSet.copyOf(b.usage);
  }

  /**
   * A builder whose {@link Builder#usage(String, String, Instant)} counts an instant on its day in
   * {@code usageZone}. Use the zone the engine reads with ({@code RoleUsage#newChanges()} does).
   */
  public static Builder builder(ZoneId usageZone) {
    return new Builder(usageZone);
  }

  /** Identities to create or replace, in the order given. */
  public List<Identity> identities() {
    return identities;
  }

  /** Sources to create or replace. */
  public List<Source> sources() {
    return sources;
  }

  /** Potential roles to create or replace. */
  public List<PotentialRole> potentialRoles() {
    return potentialRoles;
  }

  /** Memberships to add, without duplicates, in first-seen order. */
  public Set<Membership> memberships() {
    return memberships;
  }

  /** Usage days to add, without duplicates, in first-seen order. */
  public Set<UsageDay> usage() {
    return usage;
  }

  /** True when the change set writes nothing. */
  public boolean isEmpty() {
    return identities.isEmpty() && sources.isEmpty() && potentialRoles.isEmpty()
        && memberships.isEmpty() && usage.isEmpty();
  }

  /** Number of records (after de-duplication of memberships and usage days). */
  public int size() {
    return identities.size() + sources.size() + potentialRoles.size() + memberships.size() + usage.size();
  }

  @Override
  public String toString() {
    return "ChangeSet{identities=" + identities.size() + ", sources=" + sources.size()
        + ", potentialRoles=" + potentialRoles.size() + ", memberships=" + memberships.size()
        + ", usageDays=" + usage.size() + "}";
  }

  /** Collects records; {@link #build()} refuses duplicates. Not thread-safe. */
  public static final class Builder {
    private final ZoneId usageZone;
    private final ImmutableList.Builder<Identity> identities = ImmutableList.builder();
    private final ImmutableList.Builder<Source> sources = ImmutableList.builder();
    private final ImmutableList.Builder<PotentialRole> potentialRoles = ImmutableList.builder();
    private final Set<String> identityIds = new HashSet<>();
    private final Set<String> sourceIds = new HashSet<>();
    private final Set<String> roleIds = new HashSet<>();
    private final Set<Membership> memberships = new LinkedHashSet<>();
    private final Set<UsageDay> usage = new LinkedHashSet<>();

    private Builder(ZoneId usageZone) {
      this.usageZone = Objects.requireNonNull(usageZone, "usageZone");
    }

    /** The zone instants are counted in. */
    public ZoneId usageZone() {
      return usageZone;
    }

    public Builder identity(Identity identity) {
      Objects.requireNonNull(identity, "identity");
      if (!identityIds.add(identity.id())) {
        throw new InvalidRecordException(TextRules.describe("identity", identity.id()),
            "appears more than once in one change set");
      }
      identities.add(identity);
      return this;
    }

    public Builder identity(String id, String displayName, String email) {
      return identity(Identity.of(id, displayName, email));
    }

    public Builder source(Source source) {
      Objects.requireNonNull(source, "source");
      if (!sourceIds.add(source.id())) {
        throw new InvalidRecordException(TextRules.describe("source", source.id()),
            "appears more than once in one change set");
      }
      sources.add(source);
      return this;
    }

    public Builder source(String id, String name) {
      return source(Source.of(id, name));
    }

    public Builder potentialRole(PotentialRole role) {
      Objects.requireNonNull(role, "role");
      if (!roleIds.add(role.id())) {
        throw new InvalidRecordException(TextRules.describe("potential role", role.id()),
            "appears more than once in one change set");
      }
      potentialRoles.add(role);
      return this;
    }

    public Builder potentialRole(String id, String name) {
      return potentialRole(PotentialRole.of(id, name));
    }

    public Builder membership(Membership membership) {
      memberships.add(Objects.requireNonNull(membership, "membership"));
      return this;
    }

    public Builder membership(String potentialRoleId, String identityId) {
      return membership(Membership.of(potentialRoleId, identityId));
    }

    public Builder usage(UsageDay day) {
      usage.add(Objects.requireNonNull(day, "day"));
      return this;
    }

    /** Usage on a whole day. */
    public Builder usage(String identityId, String sourceId, LocalDate day) {
      return usage(UsageDay.of(identityId, sourceId, day));
    }

    /** Usage at an instant, counted on its day in this builder's usage zone. */
    public Builder usage(String identityId, String sourceId, Instant at) {
      return usage(UsageDay.of(identityId, sourceId, at, usageZone));
    }

    public ChangeSet build() {
      return new ChangeSet(this);
    }
  }
}
