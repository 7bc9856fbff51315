package cn.subsidy.designer;

import java.util.Date;
import java.util.List;

/**
 * What a migration would do, or did: the plan Camunda's migration API built for two versions, whether
 * it is valid (and if not, why), how many applications wait at each step of the old version and where
 * each step goes in the new one, and which applications cannot move because their step has no
 * counterpart. {@code batchId} is set once the migration was started.
 */
record MigrationReport(Version source, Version target, boolean valid, List<String> problems,
    List<Instruction> instructions, long instances, long moving, long cannotMove, List<ActivityCount> activities,
    List<Blocked> blocked, String batchId) {

  /** At most this many blocked applications are listed; {@code cannotMove} counts them all. */
  static final int MAX_LISTED = 1000;

  /** A version of a process model. */
  record Version(String id, String key, int version, String deploymentId) {}

  /** A step of the old version and the step of the new one it maps to. */
  record Instruction(String sourceActivityId, String targetActivityId, boolean updateEventTrigger) {}

  /** How many applications wait at a step; {@code movesTo} is null when the new version lacks the step. */
  record ActivityCount(String activityId, String name, long instances, String movesTo) {}

  /** An application that stays on the old version, and the steps it waits at that do not map. */
  record Blocked(String processInstanceId, String applicationNo, List<String> activityIds) {}

  MigrationReport started(String batch) {
    return new MigrationReport(source, target, valid, problems, instructions, instances, moving, cannotMove,
        activities, blocked, batch);
  }

  /**
   * Progress of a migration batch: its jobs, and whether all applications were moved ({@code done}).
   * Failed jobs are retried and then show as incidents in Cockpit, with the application that did not move.
   */
  record Progress(String batchId, int totalJobs, int remainingJobs, int completedJobs, int failedJobs, boolean done,
      Date startTime, Date endTime) {}
}
