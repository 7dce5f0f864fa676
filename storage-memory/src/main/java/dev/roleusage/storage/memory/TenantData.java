package dev.roleusage.storage.memory;

import dev.roleusage.model.ChangeSet;

/** One tenant's current snapshot; writers take turns, readers never wait. */
final class TenantData {
  private volatile Snapshot current = Snapshot.EMPTY;

  Snapshot current() {
    return current;
  }

  synchronized void apply(ChangeSet changes) {
    current = current.with(changes);
  }
}
