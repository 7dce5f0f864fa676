package dev.roleusage.storage.memory;

import dev.roleusage.model.Identity;
import dev.roleusage.order.TextOrder;

/** An identity as the store keeps it: with its case-folded sort keys computed once, at write time. */
final class Member {
  final String id;
  final String displayName;
  final String email;
  final String foldedDisplayName;
  final String foldedEmail;

  private Member(String id, String displayName, String email) {
    this.id = id;
    this.displayName = displayName;
    this.email = email;
    this.foldedDisplayName = displayName == null ? null : TextOrder.fold(displayName);
    this.foldedEmail = email == null ? null : TextOrder.fold(email);
  }

  static Member of(Identity identity) {
    return new Member(identity.id(), identity.displayName(), identity.email());
  }

  /** A member that no identity record describes: id only. */
  static Member bare(String id) {
    return new Member(id, null, null);
  }
}
