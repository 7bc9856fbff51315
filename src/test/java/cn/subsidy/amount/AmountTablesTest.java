package cn.subsidy.amount;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The amount tables in {@code processes/} as designers keep them, evaluated by Camunda's DMN engine:
 * a case for every row, and a check at the end that every row of every table was hit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmountTablesTest {

  private final Set<String> hitRules = new HashSet<>();
  private DmnEngine engine;
  private Map<String, DmnDecision> decisions;

  @BeforeAll
  void parseTables() throws Exception {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules()
        .forEach(rule -> hitRules.add(event.getDecision().getKey() + "/" + rule.getId()))));
    engine = configuration.buildEngine();
    decisions = new HashMap<>();
    for (String file : List.of("processes/transport-amount.dmn", "processes/training-amount.dmn")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
        engine.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
      }
    }
  }

  @AfterAll
  void everyRowOfEveryTableWasHit() {
    Set<String> rows = decisions.values().stream().filter(DmnDecision::isDecisionTable)
        .flatMap(d -> ((DmnDecisionTableImpl) d.getDecisionLogic()).getRules().stream()
            .map(DmnDecisionTableRuleImpl::getId).map(id -> d.getKey() + "/" + id))
        .collect(Collectors.toSet());
    assertThat(rows).hasSizeGreaterThan(20);
    assertThat(hitRules).containsAll(rows);
  }

  @ParameterizedTest(name = "{0} {1}: {2} {3}")
  @CsvSource({
      "140821, OTHER_PROVINCE,   FIXED, 1500",
      "140821, OTHER_PREFECTURE, FIXED, 600",
      "140821, OTHER_COUNTY,     FIXED, 300",
      "620823, OTHER_PROVINCE,   FIXED, 600",
      "620823, OTHER_PREFECTURE, FIXED, 300",
      "620823, OTHER_COUNTY,     FIXED, 200",
      "450225, OTHER_PROVINCE,   FARE,  800",
      "450225, OTHER_COUNTY,     FARE,  800",
      "532527, OTHER_PROVINCE,   FIXED, 500",
      "532527, OTHER_PREFECTURE, FIXED, 300",
      "532527, OTHER_COUNTY,     FIXED, 200",
      "999999, OTHER_PROVINCE,   FIXED, 500",
  })
  void transportAmountByBandWithCountyOverrides(String county, String band, String basis, double amount) {
    DmnDecisionResultEntries result = engine.evaluateDecision(decisions.get("transportAmount"),
        Variables.createVariables().putValue("countyCode", county).putValue("band", band)).getSingleResult();
    assertThat(result.<String>getEntry("basis")).isEqualTo(basis);
    assertThat(((Number) result.getEntry("amount")).doubleValue()).isEqualTo(amount);
  }

  @ParameterizedTest(name = "{0} {1} ({2}): {3} +{4}%")
  @CsvSource({
      "PRIMARY,         电工,       ALLEVIATED, 1000, 30",
      "INTERMEDIATE,    焊工,       MONITORED,  1500, 30",
      "ADVANCED,        养老护理员, ALLEVIATED, 2000, 30",
      "SPECIAL_ABILITY, 育婴员,     ALLEVIATED, 1000, 30",
      "COMPLETION,      中式烹调师, ALLEVIATED, 500,  30",
      "PRIMARY,         家政服务员, ALLEVIATED, 1000, 30",
      "PRIMARY,         农业技术员, ALLEVIATED, 1000, 30",
      "INTERMEDIATE,    美发师,     ALLEVIATED, 1500, 0",
  })
  void trainingParameters(String level, String occupation, String category, double ceiling, double uplift) {
    DmnDecisionResultEntries result = engine.evaluateDecision(decisions.get("trainingAmount"),
        Variables.createVariables().putValue("level", level).putValue("occupation", occupation)
            .putValue("category", category)).getSingleResult();
    assertThat(((Number) result.getEntry("ceiling")).doubleValue()).isEqualTo(ceiling);
    assertThat(((Number) result.getEntry("upliftPercent")).doubleValue()).isEqualTo(uplift);
    assertThat(((Number) result.getEntry("dailyAllowance")).doubleValue()).isEqualTo(60);
    assertThat(((Number) result.getEntry("dailyTransport")).doubleValue()).isEqualTo(20);
    assertThat(((Number) result.getEntry("maxDays")).intValue()).isEqualTo(30);
  }
}
