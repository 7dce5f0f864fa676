package dev.roleusage.dataset;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.roleusage.model.ChangeSet;
import java.util.List;
import java.util.Map;

/**
 * What a data-set folder holds, as one change set (so a store applies it all-or-nothing), with
 * the number of data rows read from each file and any warnings (unknown columns).
 */
public record DataSet(ChangeSet changes, Map<String, Long> rowsPerFile, List<String> warnings) {
  public DataSet {
    rowsPerFile = ImmutableMap.copyOf(rowsPerFile);
    warnings = ImmutableList.copyOf(warnings);
  }

  /** Data rows read over all files. */
  public long totalRows() {
    return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
  }
}
