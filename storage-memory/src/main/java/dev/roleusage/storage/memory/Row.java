package dev.roleusage.storage.memory;

import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;

/** A member with its usage count while a page is being selected. */
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

  Row(Member member, int usageCount) {
    this.member = member;
    this.usageCount = usageCount;
  }

  IdentityUsage toIdentityUsage() {
    return new IdentityUsage(member.id, member.displayName, member.email, usageCount);
  }
}
