package cn.subsidy.workflow;

import static cn.subsidy.application.ApplicationStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Journeys;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every path of {@code trainingSubsidy} (职业培训补贴). */
@ProcessModelTest("trainingSubsidy")
class TrainingSubsidyProcessTest extends SubsidyPathsTestBase {

  @Override
  Map<String, Object> eligibleApplication(RegistryEntry person) {
    // 电工 is a shortage occupation: 1500 x 130 % + 20 days x (60 + 20)
    return Journeys.training(person, "电工", "INTERMEDIATE", LocalDate.of(2026, 3, 20), 20);
  }

  @Override
  String expectedAmount() {
    return "3550.00";
  }

  @Override
  String processKey() {
    return "trainingSubsidy";
  }

  @Test
  void ineligibleApplicationIsRejectedWithEveryFailedRule() {
    RegistryEntry person = journeys.newPerson(COUNTY);
    String first = journeys.submit(Journeys.training(person, "焊工", "ADVANCED", LocalDate.of(2026, 3, 1), 0));
    journeys.awaitStatus(first, cn.subsidy.application.ApplicationStatus.UNDER_REVIEW);
    // A lower level after a higher one, more than 12 months after its certificate.
    String late = journeys.submit(Journeys.training(person, "焊工", "PRIMARY", LocalDate.of(2025, 6, 14), 0));
    journeys.awaitStatus(late, REJECTED);
    assertThat(journeys.status(late, person.idNumber()).get("reasonDetails").findValuesAsText("rule"))
        .containsExactly("CLAIM_WINDOW", "LOWER_LEVEL");
  }
}
