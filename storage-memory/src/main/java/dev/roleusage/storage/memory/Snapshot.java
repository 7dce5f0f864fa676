package dev.roleusage.storage.memory;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.Membership;
import dev.roleusage.model.PotentialRole;
import dev.roleusage.model.Source;
import dev.roleusage.model.UsageDay;
import dev.roleusage.order.PageSelection;
import dev.roleusage.order.TextOrder;
import dev.roleusage.order.UsageOrder;
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

  private Snapshot(Map<String, Member> identities, Map<String, String[]> roles, Set<String> sources,
      Map<String, Map<String, int[]>> usage) {
    this.identities = identities;
    this.roles = roles;
    this.sources = sources;
    this.usage = usage;
  }

  Lookup<UsagePage> readPage(PageRequest request) {
    Lookup<List<Row>> rows = rows(request.table());
    if (!(rows instanceof Lookup.Found<List<Row>> found)) {
      return notFound(rows);
    }
    List<Row> all = found.value();
    List<Row> page = PageSelection.select(all, UsageOrder.comparator(request.sorters(), Row.KEYS),
        request.offset(), request.limit());
    List<IdentityUsage> out = new ArrayList<>(page.size());
    for (Row r : page) {
      out.add(r.toIdentityUsage());
    }
    return Lookup.found(UsagePage.of(out,
        request.count() ? OptionalLong.of(all.size()) : OptionalLong.empty()));
  }

  Lookup<UsageTable> readTable(TableRequest request) {
    Lookup<List<Row>> rows = rows(request);
    if (!(rows instanceof Lookup.Found<List<Row>> found)) {
      return notFound(rows);
    }
    List<IdentityUsage> out = new ArrayList<>(found.value().size());
    for (Row r : found.value()) {
      out.add(r.toIdentityUsage());
    }
    return Lookup.found(UsageTable.of(out));
  }

  @SuppressWarnings("unchecked")
  private static <T> Lookup<T> notFound(Lookup<?> lookup) {
    return (Lookup<T>) lookup;
  }

  private Lookup<List<Row>> rows(TableRequest request) {
    String[] members = roles.get(request.potentialRoleId());
    if (members == null) {
      return new Lookup.PotentialRoleNotFound<>(request.potentialRoleId());
    }
    if (!sources.contains(request.sourceId())) {
      return new Lookup.SourceNotFound<>(request.sourceId());
    }
    Map<String, int[]> bySource = usage.getOrDefault(request.sourceId(), Map.of());
    int first = request.window().firstEpochDay();
    int last = request.window().lastEpochDay();
    Row[] rows = new Row[members.length];
    for (int i = 0; i < members.length; i++) {
      String id = members[i];
      Member m = identities.get(id);
      rows[i] = new Row(m != null ? m : Member.bare(id), UsageDays.countBetween(bySource.get(id), first, last));
    }
    return Lookup.found(Arrays.asList(rows));
  }

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
