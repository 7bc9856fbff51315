package cn.subsidy.designer;

import cn.subsidy.designer.MigrationReport.ActivityCount;
import cn.subsidy.designer.MigrationReport.Blocked;
import cn.subsidy.designer.MigrationReport.Version;
import cn.subsidy.security.Staff;
import cn.subsidy.web.ConflictException;
import cn.subsidy.web.FieldProblem;
import cn.subsidy.web.InvalidRequestException;
import cn.subsidy.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * Moves running applications to a new version of their process model with Camunda's migration API: a
 * plan that maps every step to the step with the same id, validated by the engine; a report of what
 * would move and what cannot; then a batch that migrates each application in its own transaction, so
 * that none is lost or moved twice. Steps keep their tasks, timers and variables; no status changes,
 * because no step starts again.
 */
@Service
class ProcessMigrations {

  private final MigrationPlans plans;
  private final WaitingApplications waitingApplications;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  ProcessMigrations(MigrationPlans plans, WaitingApplications waitingApplications, RepositoryService repositoryService,
      RuntimeService runtimeService, ManagementService managementService, HistoryService historyService,
      IdentityService identityService) {
    this.plans = plans;
    this.waitingApplications = waitingApplications;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** What migrating would do; changes nothing. */
  MigrationReport plan(MigrationRequest request) {
    return assess(request).report();
  }

  /** Starts the batch that migrates every application that can move; answers the plan with the batch's id. */
  MigrationReport migrate(MigrationRequest request, Staff staff) {
    Assessment assessment = assess(request);
    MigrationReport report = assessment.report();
    if (!report.valid()) {
      throw new ConflictException("迁移方案无效，未迁移任何申请 / The migration plan is invalid; nothing was migrated: "
          + String.join("; ", report.problems()));
    }
    if (assessment.waiting().movable().isEmpty()) {
      throw new ConflictException("没有可以迁移的申请 / No application can be migrated: " + report.instances()
          + " wait on version " + report.source().version() + ", " + report.cannotMove() + " of them at steps the "
          + "new version lacks.");
    }
    // Authenticated, so that the operation log and the batch name the administrator who migrated.
    identityService.setAuthentication(staff.userId(), List.copyOf(staff.groupIds()));
    try {
      Batch batch = runtimeService.newMigration(assessment.plan().plan())
          .processInstanceIds(assessment.waiting().movable()).executeAsync();
      return report.started(batch.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** How far the migration batch got; a finished batch is only in the history. */
  MigrationReport.Progress progress(String batchId) {
    BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      // The batch stays until its monitor job next looks (every 30 s), after its last migration job.
      boolean done = running.getRemainingJobs() == 0 && running.getFailedJobs() == 0;
      return new MigrationReport.Progress(batchId, running.getTotalJobs(), running.getRemainingJobs(),
          running.getCompletedJobs(), running.getFailedJobs(), done, running.getStartTime(), null);
    }
    HistoricBatch finished = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (finished == null) {
      throw new NotFoundException("没有这个迁移批次 / No migration batch " + batchId);
    }
    return new MigrationReport.Progress(batchId, finished.getTotalJobs(), 0, finished.getTotalJobs(), 0,
        finished.getEndTime() != null, finished.getStartTime(), finished.getEndTime());
  }

  private Assessment assess(MigrationRequest request) {
    ProcessDefinition source = source(request);
    ProcessDefinition target = target(request, source);
    MigrationPlans.Plan plan = plans.build(source, target);
    WaitingApplications.Waiting waiting = request.applicationNos().isEmpty()
        ? waitingApplications.inVersion(source, plan.sourceActivities())
        : waitingApplications.inApplications(source, request.applicationNos(), plan.sourceActivities());
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(source.getId());
    List<ActivityCount> activities = new ArrayList<>();
    waiting.perActivity().forEach((activity, count) -> activities.add(new ActivityCount(activity,
        name(model, activity), count, plan.mapping().get(activity))));
    List<Blocked> listed = waiting.blocked().stream().limit(MigrationReport.MAX_LISTED).toList();
    MigrationReport report = new MigrationReport(version(source), version(target), plan.problems().isEmpty(),
        plan.problems(), plan.instructions(), waiting.instances().size(), waiting.movable().size(),
        waiting.blocked().size(), activities, listed, null);
    return new Assessment(report, plan, waiting);
  }

  private ProcessDefinition source(MigrationRequest request) {
    if (request.sourceProcessDefinitionId() != null) {
      return definition(request.sourceProcessDefinitionId());
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
      problems.add(new FieldProblem("processDefinitionKey",
          "请填写流程（如 transportSubsidy）或 sourceProcessDefinitionId / Give the process key or sourceProcessDefinitionId."));
    }
    if (request.sourceVersion() == null) {
      problems.add(new FieldProblem("sourceVersion",
          "请填写要迁移的旧版本号 / Give the version whose applications are to move."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return version(request.processDefinitionKey(), request.sourceVersion());
  }

  private ProcessDefinition target(MigrationRequest request, ProcessDefinition source) {
    ProcessDefinition target;
    if (request.targetProcessDefinitionId() != null) {
      target = definition(request.targetProcessDefinitionId());
    } else if (request.targetVersion() != null) {
      target = version(source.getKey(), request.targetVersion());
    } else {
      target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(source.getKey()).latestVersion()
          .singleResult();
    }
    if (!target.getKey().equals(source.getKey())) {
      throw new InvalidRequestException("targetProcessDefinitionId", "目标须是同一流程（" + source.getKey()
          + "）的版本 / The target must be a version of the same process, " + source.getKey() + ".");
    }
    if (target.getId().equals(source.getId())) {
      throw new InvalidRequestException("targetVersion", "目标版本与原版本相同（第" + source.getVersion()
          + "版）/ The target is the source version itself (" + source.getVersion() + ").");
    }
    return target;
  }

  private ProcessDefinition version(String key, int version) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException("流程 " + key + " 没有第" + version + "版 / Process " + key + " has no version " + version);
    }
    return definition;
  }

  private ProcessDefinition definition(String id) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(id)
        .singleResult();
    if (definition == null) {
      throw new NotFoundException("没有这个流程版本 / No process definition " + id);
    }
    return definition;
  }

  private static Version version(ProcessDefinition definition) {
    return new Version(definition.getId(), definition.getKey(), definition.getVersion(), definition.getDeploymentId());
  }

  private static String name(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId) instanceof FlowElement element ? element.getName() : null;
  }

  private record Assessment(MigrationReport report, MigrationPlans.Plan plan, WaitingApplications.Waiting waiting) {}

}
