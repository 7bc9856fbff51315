package cn.subsidy.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The copies on an official's task (case file, Tasklist columns) are there for the form while the task is
 * open and leave no history; the process's variables and the official's decision keep theirs.
 */
@IntegrationTest
class TaskCopiesHistoryTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void theTaskCopiesLeaveNoHistoryTheProcessAndTheDecisionDo() {
    journeys.on(port);
    String county = "520181";
    String no = journeys.submit(Journeys.transport(journeys.newPerson(county),
        LocalDate.now(Journeys.BEIJING).minusMonths(5), "OTHER_PROVINCE"));
    Task review = journeys.awaitTask(no, "Task_CountyReview");
    assertThat(taskService.getVariablesLocal(review.getId()).keySet())
        .as("the form's case file and the Tasklist's columns, on the open task")
        .containsAll(CaseFileListener.TASK_COPIES);

    journeys.completeOk("reviewer" + county, no, "Task_CountyReview",
        Map.of("countyDecision", "APPROVE", "countyComment", "材料齐全"));

    List<HistoricVariableInstance> ofTask = historyService.createHistoricVariableInstanceQuery()
        .taskIdIn(review.getId()).list();
    assertThat(ofTask).extracting(HistoricVariableInstance::getName)
        .doesNotContainAnyElementsOf(CaseFileListener.TASK_COPIES);
    List<HistoricDetail> details = historyService.createHistoricDetailQuery().taskId(review.getId()).list();
    assertThat(details).filteredOn(d -> d instanceof HistoricVariableUpdate)
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .doesNotContainAnyElementsOf(CaseFileListener.TASK_COPIES);

    List<HistoricVariableInstance> ofProcess = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).list();
    assertThat(ofProcess).filteredOn(v -> v.getTaskId() == null).extracting(HistoricVariableInstance::getName)
        .as("the process's own variables and the decision")
        .contains("applicationNo", "applicantName", "amount", "countyDecision", "countyComment");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(review.getProcessInstanceId())
        .variableUpdates().list()).extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .contains("countyDecision", "countyComment", "amount");
  }
}
