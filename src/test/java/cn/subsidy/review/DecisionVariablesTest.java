package cn.subsidy.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The county's decision as the process keeps it: the value the reviewer submitted when it is already the
 * checked one (written once), the checked value when it differs (a lower-case choice, spaces around a
 * comment).
 */
@IntegrationTest
class DecisionVariablesTest {

  static final String COUNTY = "141129";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;

  String reviewed(String decision, String comment) {
    journeys.on(port);
    String no = journeys.submit(Journeys.transport(journeys.newPerson(COUNTY),
        LocalDate.now(Journeys.BEIJING).minusMonths(5), "OTHER_PROVINCE"));
    journeys.completeOk("reviewer" + COUNTY, no, "Task_CountyReview",
        Map.of("countyDecision", decision, "countyComment", comment));
    return no;
  }

  List<Object> writes(String applicationNo, String variable) {
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
        .processDefinitionKey("transportSubsidy").singleResult().getId();
    return historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
        .orderPartiallyByOccurrence().asc().list().stream()
        .map(d -> (HistoricVariableUpdate) d).filter(d -> d.getVariableName().equals(variable))
        .map(HistoricVariableUpdate::getValue).toList();
  }

  @Test
  void aDecisionSubmittedAsCheckedIsWrittenOnce() {
    String no = reviewed("APPROVE", "材料齐全");
    assertThat(writes(no, "countyDecision")).containsExactly("APPROVE");
    assertThat(writes(no, "countyComment")).containsExactly("材料齐全");
  }

  @Test
  void aDecisionTheCheckChangesIsKeptAsChecked() {
    String no = reviewed("approve", "  材料齐全 ");
    assertThat(writes(no, "countyDecision")).containsExactly("approve", "APPROVE");
    assertThat(writes(no, "countyComment")).containsExactly("  材料齐全 ", "材料齐全");
  }
}
