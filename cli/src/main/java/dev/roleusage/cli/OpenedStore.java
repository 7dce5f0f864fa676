package dev.roleusage.cli;

import dev.roleusage.spi.UsageStore;

/** A store as opened from {@code --store}, and how to release what opening it took (connections, files). */
record OpenedStore(UsageStore store, AutoCloseable release) {}
