package cn.subsidy.workflow;

import static cn.subsidy.application.ApplicationStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every path of {@code transportSubsidy} (一次性交通补助). */
@ProcessModelTest("transportSubsidy")
class TransportSubsidyProcessTest extends SubsidyPathsTestBase {

  @Override
  Map<String, Object> eligibleApplication(RegistryEntry person) {
    return Journeys.transport(person, LocalDate.of(2026, 2, 1), "OTHER_PROVINCE");
  }

  @Override
  String expectedAmount() {
    return "500.00";
  }

  @Override
  String processKey() {
    return "transportSubsidy";
  }

  @Test
  void ineligibleApplicationIsRejectedWithEveryFailedRule() {
    RegistryEntry stranger = new RegistryEntry(COUNTY, cn.subsidy.support.Ids.of(COUNTY, LocalDate.of(2012, 1, 1)),
        "路人甲", null);
    String no = journeys.submit(Journeys.transport(stranger, LocalDate.of(2026, 5, 1), "OTHER_PROVINCE"));
    journeys.awaitStatus(no, REJECTED);
    JsonNode status = journeys.status(no, stranger.idNumber());
    List<String> rules = status.get("reasonDetails").findValuesAsText("rule");
    assertThat(rules).containsExactly("AGE", "REGISTRY", "TIME_AWAY");
    assertThat(status.get("reasons")).hasSize(3);
  }

  @Test
  void aCountyThatReimbursesFaresNeedsTheFare() {
    RegistryEntry person = journeys.newPerson("450225");
    Map<String, Object> body = Journeys.transport(person, LocalDate.of(2026, 1, 5), "OTHER_PROVINCE");
    String no = journeys.submit(body);
    journeys.awaitStatus(no, REJECTED);
    assertThat(journeys.status(no, person.idNumber()).get("reasonDetails").findValuesAsText("rule"))
        .containsExactly("FARE_MISSING");
  }
}
