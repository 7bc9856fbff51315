package cn.subsidy.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History is kept for the model's time to live counted from the start of the process, so the engine
 * writes each history row once with its removal time, instead of rewriting every row of an
 * application when its process ends (Camunda's default strategy, "end").
 */
@IntegrationTest
class HistoryRetentionTest {

  private static final int TIME_TO_LIVE_DAYS = 3650; // as in every product model

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  @Test
  void everyHistoryRowIsRemovableTenYearsAfterTheStartAndIsNotRewrittenAtTheEnd() {
    String deployment = repository.createDeployment().addModelInstance("historyRetention.bpmn",
        Bpmn.createExecutableProcess("historyRetention").camundaHistoryTimeToLive(TIME_TO_LIVE_DAYS)
            .startEvent().userTask("decide").endEvent().done()).deploy().getId();
    try {
      String instance = runtime.startProcessInstanceByKey("historyRetention", Map.of("applicationNo", "X-1")).getId();
      Date removal = plusTimeToLive(history.createHistoricProcessInstanceQuery().processInstanceId(instance)
          .singleResult().getStartTime());

      assertThat(removalTimes(instance)).as("while the process runs").containsOnly(removal);

      tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
          Map.of("decision", "APPROVE"));

      HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
          .singleResult();
      assertThat(ended.getEndTime()).isNotNull();
      assertThat(ended.getRemovalTime()).isEqualTo(removal);
      assertThat(removalTimes(instance)).as("after the end").containsOnly(removal);
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private static Date plusTimeToLive(Date start) {
    return Date.from(start.toInstant().plus(Duration.ofDays(TIME_TO_LIVE_DAYS)));
  }

  /** The removal times of the instance's history rows: instance, activities, task, variables, details. */
  private List<Date> removalTimes(String instance) {
    return jdbc.sql("""
        select removal_time_ from act_hi_procinst where id_ = :id
        union all select removal_time_ from act_hi_actinst where root_proc_inst_id_ = :id
        union all select removal_time_ from act_hi_taskinst where root_proc_inst_id_ = :id
        union all select removal_time_ from act_hi_varinst where root_proc_inst_id_ = :id
        union all select removal_time_ from act_hi_detail where root_proc_inst_id_ = :id
        """).param("id", instance).query((row, n) -> row.getTimestamp(1) == null ? null
        : new Date(row.getTimestamp(1).getTime())).list();
  }
}
