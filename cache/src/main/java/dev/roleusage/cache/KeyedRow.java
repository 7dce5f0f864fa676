package dev.roleusage.cache;

import dev.roleusage.order.TextOrder;
import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;

/**
 * A cached row with its case-folded sort keys, folded once per table load rather than on every
 * comparison of every sort.
 */
final class KeyedRow {
  static final UsageOrder.SortKeys<KeyedRow> KEYS = new UsageOrder.SortKeys<>() {
    @Override public String id(KeyedRow r) { return r.row.id(); }
    @Override public String displayName(KeyedRow r) { return r.row.displayName(); }
    @Override public String foldedDisplayName(KeyedRow r) { return r.foldedDisplayName; }
    @Override public String email(KeyedRow r) { return r.row.email(); }
    @Override public String foldedEmail(KeyedRow r) { return r.foldedEmail; }
    @Override public int usageCount(KeyedRow r) { return r.row.usageCount(); }
  };

  final IdentityUsage row;
  final String foldedDisplayName;
  final String foldedEmail;

  KeyedRow(IdentityUsage row) {
    this.row = row;
    // fold returns the same String when nothing changes, so lower-case values cost no memory.
    this.foldedDisplayName = row.displayName() == null ? null : TextOrder.fold(row.displayName());
    this.foldedEmail = row.email() == null ? null : TextOrder.fold(row.email());
  }
}
