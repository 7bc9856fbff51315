package cn.subsidy.designer;

import java.util.List;

/**
 * What an administrator wants to move: the running applications of one version of a process (by key
 * and version, or by the definition's id) onto another version of the same process (by default the
 * latest). {@code applicationNos} narrows it to these applications, e.g. to try a few first.
 */
record MigrationRequest(String processDefinitionKey, Integer sourceVersion, String sourceProcessDefinitionId,
    Integer targetVersion, String targetProcessDefinitionId, List<String> applicationNos) {

  /** More would make the report's per-application look-ups slow; migrate a whole version instead. */
  static final int MAX_APPLICATIONS = 1000;

  MigrationRequest {
    applicationNos = applicationNos == null ? List.of() : List.copyOf(applicationNos);
  }
}
