package dev.roleusage.storage.memory;

import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;

/** A member with its usage count (and a sort-key prefix) while a page is being selected. */
final class Row {
  static final UsageOrder.SortKeys<Row> KEYS = new UsageOrder.SortKeys<>() {
    @Override public String id(Row r) { return r.member.id; }
    @Override public String displayName(Row r) { return r.member.displayName; }
    @Override public String foldedDisplayName(Row r) { return r.member.foldedDisplayName; }
    @Override public String email(Row r) { return r.member.email; }
    @Override public String foldedEmail(Row r) { return r.member.foldedEmail; }
    @Override public int usageCount(Row r) { return r.usageCount; }
  };

  final Member member;
  final int usageCount;
  /**
   * {@link dev.roleusage.order.TextOrder#prefixKey} of the folded value of the one text field a
   * page is sorted by, 0 when missing (present text is never empty); 0 when not used.
   */
  final long prefix;

  Row(Member member, int usageCount) {
    this(member, usageCount, 0);
  }

  Row(Member member, int usageCount, long prefix) {
    this.member = member;
    this.usageCount = usageCount;
    this.prefix = prefix;
  }

  IdentityUsage toIdentityUsage() {
    return new IdentityUsage(member.id, member.displayName, member.email, usageCount);
  }
}
