package cn.subsidy.designer;

import cn.subsidy.designer.MigrationReport.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * Migration plans from one version of a model to another, built and validated by Camunda's migration
 * API: every step maps to the step with the same id in the new version.
 */
@Component
class MigrationPlans {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  MigrationPlans(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  /** The engine's plan: equal ids mapped, triggers updated only where the designer changed them. */
  Plan build(ProcessDefinition source, ProcessDefinition target) {
    MigrationPlan equal;
    try {
      equal = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      return Plan.invalid(problems(e));
    }
    BpmnModelInstance from = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance to = repositoryService.getBpmnModelInstance(target.getId());
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
    List<Instruction> instructions = new ArrayList<>();
    for (MigrationInstruction instruction : equal.getInstructions()) {
      String s = instruction.getSourceActivityId();
      String t = instruction.getTargetActivityId();
      boolean update = EventTriggers.changed(from, s, to, t);
      MigrationInstructionBuilder mapped = builder.mapActivities(s, t);
      builder = update ? mapped.updateEventTrigger() : mapped;
      instructions.add(new Instruction(s, t, update));
    }
    try {
      return new Plan(builder.build(), instructions, List.of());
    } catch (MigrationPlanValidationException e) {
      return Plan.invalid(problems(e));
    }
  }

  private static List<String> problems(MigrationPlanValidationException e) {
    List<String> problems = new ArrayList<>();
    e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
        problems.add(report.getMigrationInstruction().getSourceActivityId() + " → "
            + report.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
    e.getValidationReport().getVariableReports().forEach((name, report) ->
        report.getFailures().forEach(failure -> problems.add("variable " + name + ": " + failure)));
    return problems.isEmpty() ? List.of(e.getMessage()) : problems;
  }

  /** The engine's plan with its instructions as the report shows them, or why it is invalid. */
  record Plan(MigrationPlan plan, List<Instruction> instructions, List<String> problems) {
    static Plan invalid(List<String> problems) {
      return new Plan(null, List.of(), problems);
    }

    Set<String> sourceActivities() {
      Set<String> ids = new TreeSet<>();
      instructions.forEach(i -> ids.add(i.sourceActivityId()));
      return ids;
    }

    Map<String, String> mapping() {
      Map<String, String> map = new TreeMap<>();
      instructions.forEach(i -> map.put(i.sourceActivityId(), i.targetActivityId()));
      return map;
    }
  }

}
