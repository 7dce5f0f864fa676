package dev.roleusage.storage.memory;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.Membership;
import dev.roleusage.model.PotentialRole;
import dev.roleusage.model.Source;
import dev.roleusage.model.UsageDay;
import dev.roleusage.order.TextOrder;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tenant's data at one moment. Never mutated after construction: {@link #with} builds the
 * next snapshot, sharing every part the change set does not touch.
 */
final class Snapshot {
  static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Set.of(), Map.of());

  /** identity id → member (identities without a record are absent). */
  private final Map<String, Member> identities;
  /** potential role id → member ids, sorted by code point, distinct. */
  private final Map<String, String[]> roles;
  private final Set<String> sources;
  /** source id → identity id → sorted distinct epoch days. */
  private final Map<String, Map<String, int[]>> usage;
  /** Derived from the maps above on first read, so as immutable as they are; see {@link #resolve(TableRequest)}. */
  private final ConcurrentHashMap<RoleAndSource, ResolvedRole> resolved = new ConcurrentHashMap<>();
  /** (role, source) pairs kept resolved per snapshot. */
  static final int MAX_RESOLVED = 8;

  private Snapshot(Map<String, Member> identities, Map<String, String[]> roles, Set<String> sources,
      Map<String, Map<String, int[]>> usage) {
    this.identities = identities;
    this.roles = roles;
    this.sources = sources;
    this.usage = usage;
  }

  Lookup<UsagePage> readPage(PageRequest request) {
    Lookup<ResolvedRole> role = resolve(request.table());
    if (!(role instanceof Lookup.Found<ResolvedRole> found)) {
      return notFound(role);
    }
    ResolvedRole members = found.value();
    List<IdentityUsage> page = members.page(request.sorters(), request.window(), request.offset(), request.limit());
    return Lookup.found(UsagePage.of(page,
        request.count() ? OptionalLong.of(members.size()) : OptionalLong.empty()));
  }

  Lookup<UsageTable> readTable(TableRequest request) {
    Lookup<ResolvedRole> role = resolve(request);
    if (!(role instanceof Lookup.Found<ResolvedRole> found)) {
      return notFound(role);
    }
    return Lookup.found(UsageTable.of(found.value().table(request.window())));
  }

  @SuppressWarnings("unchecked")
  private static <T> Lookup<T> notFound(Lookup<?> lookup) {
    return (Lookup<T>) lookup;
  }

  /**
   * The role's members resolved against the source, built on the first read of this snapshot
   * and kept with it: the snapshot never changes, so neither does the resolution.
   */
  private Lookup<ResolvedRole> resolve(TableRequest request) {
    String[] members = roles.get(request.potentialRoleId());
    if (members == null) {
      return new Lookup.PotentialRoleNotFound<>(request.potentialRoleId());
    }
    if (!sources.contains(request.sourceId())) {
      return new Lookup.SourceNotFound<>(request.sourceId());
    }
    RoleAndSource key = new RoleAndSource(request.potentialRoleId(), request.sourceId());
    ResolvedRole done = resolved.get(key);
    if (done != null) {
      return Lookup.found(done);
    }
    ResolvedRole fresh = ResolvedRole.of(members, identities, usage.getOrDefault(request.sourceId(), Map.of()));
    // Bounded: a snapshot keeps at most MAX_RESOLVED pairs (8 bytes per member and 4 per usage
    // day each); further pairs are resolved on every read. Racing readers may both resolve;
    // either result is the same.
    if (resolved.size() < MAX_RESOLVED) {
      resolved.putIfAbsent(key, fresh);
    }
    return Lookup.found(fresh);
  }

  private record RoleAndSource(String roleId, String sourceId) {}

  /** The snapshot after {@code changes}; this one is left as it was. */
  Snapshot with(ChangeSet changes) {
    Map<String, Member> nextIdentities = identities;
    if (!changes.identities().isEmpty()) {
      nextIdentities = new HashMap<>(identities);
      for (Identity i : changes.identities()) {
        nextIdentities.put(i.id(), Member.of(i));
      }
    }

    Map<String, String[]> nextRoles = roles;
    if (!changes.potentialRoles().isEmpty() || !changes.memberships().isEmpty()) {
      nextRoles = new HashMap<>(roles);
      for (PotentialRole r : changes.potentialRoles()) {
        nextRoles.putIfAbsent(r.id(), new String[0]);
      }
      Map<String, List<String>> added = new HashMap<>();
      for (Membership m : changes.memberships()) {
        added.computeIfAbsent(m.potentialRoleId(), k -> new ArrayList<>()).add(m.identityId());
      }
      for (Map.Entry<String, List<String>> e : added.entrySet()) {
        nextRoles.put(e.getKey(), mergeMembers(nextRoles.get(e.getKey()), e.getValue()));
      }
    }

    Set<String> nextSources = sources;
    Map<String, Map<String, int[]>> nextUsage = usage;
    if (!changes.sources().isEmpty() || !changes.usage().isEmpty()) {
      nextSources = new HashSet<>(sources);
      for (Source s : changes.sources()) {
        nextSources.add(s.id());
      }
      for (UsageDay u : changes.usage()) {
        nextSources.add(u.sourceId());
      }
    }
    if (!changes.usage().isEmpty()) {
      nextUsage = new HashMap<>(usage);
      Map<String, Map<String, IntList>> added = new HashMap<>();
      for (UsageDay u : changes.usage()) {
        added.computeIfAbsent(u.sourceId(), k -> new HashMap<>())
            .computeIfAbsent(u.identityId(), k -> new IntList()).add(u.epochDay());
      }
      for (Map.Entry<String, Map<String, IntList>> bySource : added.entrySet()) {
        Map<String, int[]> days = new HashMap<>(usage.getOrDefault(bySource.getKey(), Map.of()));
        for (Map.Entry<String, IntList> byIdentity : bySource.getValue().entrySet()) {
          IntList list = byIdentity.getValue();
          days.put(byIdentity.getKey(), UsageDays.union(days.get(byIdentity.getKey()), list.values, list.size));
        }
        nextUsage.put(bySource.getKey(), days);
      }
    }
    return new Snapshot(nextIdentities, nextRoles, nextSources, nextUsage);
  }

  private static String[] mergeMembers(String[] existing, List<String> added) {
    String[] base = existing == null ? new String[0] : existing;
    String[] all = Arrays.copyOf(base, base.length + added.size());
    for (int i = 0; i < added.size(); i++) {
      all[base.length + i] = added.get(i);
    }
    Arrays.sort(all, TextOrder::compareCodePoints);
    int n = 0;
    for (String id : all) {
      if (n == 0 || !all[n - 1].equals(id)) {
        all[n++] = id;
      }
    }
    return n == all.length ? all : Arrays.copyOf(all, n);
  }

  /** A growable int list, to avoid boxing while a change set is grouped. */
  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
