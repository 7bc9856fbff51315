package cn.subsidy.designer;

import cn.subsidy.designer.MigrationReport.Blocked;
import cn.subsidy.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

/**
 * Which applications wait at which steps of a version, and which of them cannot move because a step
 * they wait at has no counterpart in the migration plan.
 */
@Component
class WaitingApplications {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  WaitingApplications(RuntimeService runtimeService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** All applications on the source version, counted per step by the engine's statistics. */
  Waiting inVersion(ProcessDefinition source, Set<String> mapped) {
    Map<String, Long> perActivity = new TreeMap<>();
    Set<String> unmapped = new TreeSet<>();
    for (ActivityStatistics statistics : managementService.createActivityStatisticsQuery(source.getId()).list()) {
      perActivity.put(statistics.getId(), (long) statistics.getInstances());
      if (!mapped.contains(statistics.getId())) {
        unmapped.add(statistics.getId());
      }
    }
    List<ProcessInstance> all = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
    Map<String, Blocked> blocked = new LinkedHashMap<>();
    if (!unmapped.isEmpty()) {
      for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
          .activityIdIn(unmapped.toArray(String[]::new)).list()) {
        Set<String> at = new TreeSet<>(activities(instance.getId()));
        at.retainAll(unmapped);
        blocked.put(instance.getId(), new Blocked(instance.getId(), instance.getBusinessKey(), List.copyOf(at)));
      }
    }
    return Waiting.of(all, perActivity, blocked);
  }

  /** The named applications on the source version, each looked at step by step. */
  Waiting inApplications(ProcessDefinition source, List<String> applicationNos, Set<String> mapped) {
    if (applicationNos.size() > MigrationRequest.MAX_APPLICATIONS) {
      throw new InvalidRequestException("applicationNos", "一次最多指定" + MigrationRequest.MAX_APPLICATIONS
          + "个申请；要迁移整个版本请不填此项 / At most " + MigrationRequest.MAX_APPLICATIONS
          + " applications; leave it out to migrate the whole version.");
    }
    List<ProcessInstance> instances = new ArrayList<>();
    for (String applicationNo : new TreeSet<>(applicationNos)) {
      instances.addAll(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
          .processInstanceBusinessKey(applicationNo).list());
    }
    Map<String, Long> perActivity = new TreeMap<>();
    Map<String, Blocked> blocked = new LinkedHashMap<>();
    for (ProcessInstance instance : instances) {
      List<String> at = activities(instance.getId());
      at.forEach(a -> perActivity.merge(a, 1L, Long::sum));
      List<String> unmapped = at.stream().filter(a -> !mapped.contains(a)).distinct().sorted().toList();
      if (!unmapped.isEmpty()) {
        blocked.put(instance.getId(), new Blocked(instance.getId(), instance.getBusinessKey(), unmapped));
      }
    }
    return Waiting.of(instances, perActivity, blocked);
  }

  /** The steps an instance waits at, including steps waiting for their asynchronous start. */
  private List<String> activities(String processInstanceId) {
    List<String> ids = new ArrayList<>();
    ActivityInstance root = runtimeService.getActivityInstance(processInstanceId);
    if (root != null) {
      collect(root, ids, true);
    }
    return ids;
  }

  private static void collect(ActivityInstance instance, List<String> ids, boolean root) {
    if (!root) {
      ids.add(instance.getActivityId());
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids, false);
    }
  }

  /** Who waits where: all instances, the count per step, and those that cannot move. */
  record Waiting(List<String> instances, Map<String, Long> perActivity, List<Blocked> blocked,
      List<String> movable) {
    static Waiting of(List<ProcessInstance> all, Map<String, Long> perActivity, Map<String, Blocked> blocked) {
      List<String> ids = all.stream().map(ProcessInstance::getId).toList();
      return new Waiting(ids, perActivity, List.copyOf(blocked.values()),
          ids.stream().filter(id -> !blocked.containsKey(id)).toList());
    }
  }
}
