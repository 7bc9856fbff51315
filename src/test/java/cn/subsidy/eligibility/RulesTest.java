package cn.subsidy.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.Reason;
import cn.subsidy.application.TrainingLevel;
import cn.subsidy.person.IdNumber;
import cn.subsidy.registry.Category;
import cn.subsidy.registry.RegistryEntry;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy's rules, one table of cases each, with the policy's examples and the edge cases. */
class RulesTest {

  private static List<String> failures(EligibilityRule rule, Consumer<Facts> change, Facts base) {
    change.accept(base);
    return rule.check(base.build()).stream().map(Reason::rule).toList();
  }

  static String id(String first17) {
    return first17 + IdNumber.checkCharacter(first17);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "11010519491231002X, true",
      "110105194912310021, false",
      "11010520230229001,  false",
      "11010520260616001,  false",
  })
  void identityNumber(String raw, boolean passes) {
    String value = raw.length() == 17 ? id(raw) : raw;
    assertThat(failures(new Rules.IdentityNumberRule(), f -> f.idNumber = value, Facts.transport()).isEmpty())
        .isEqualTo(passes);
  }

  @ParameterizedTest(name = "born {0}, applying {1}: passes {2}")
  @CsvSource({
      "2010-06-15, 2026-06-15, true,  sixteenth birthday on the application date",
      "2010-06-16, 2026-06-15, false, sixteenth birthday the day after",
      "2008-02-29, 2024-02-28, false, leap-day child not yet 16 on 28 February",
      "2008-02-29, 2024-02-29, true,  leap-day child 16 on 29 February",
      "2008-02-29, 2025-03-01, true,  leap-day child counts on 1 March",
      "1950-01-01, 2026-06-15, true,  no upper age by default",
  })
  void age(LocalDate birth, LocalDate applied, boolean passes, String why) {
    String value = id("532527" + birth.toString().replace("-", "") + "001");
    assertThat(failures(new Rules.AgeRule(16, null), f -> {
      f.idNumber = value;
      f.applicationDate = applied;
    }, Facts.transport()).isEmpty()).as(why).isEqualTo(passes);
  }

  @ParameterizedTest
  @CsvSource({"1965-06-16, true", "1965-06-15, false"})
  void aProvinceMayCapTheAgeAtSixty(LocalDate birth, boolean passes) {
    // 60 until the day before the 61st birthday.
    String value = id("532527" + birth.toString().replace("-", "") + "001");
    assertThat(failures(new Rules.AgeRule(16, 60), f -> f.idNumber = value, Facts.transport()).isEmpty())
        .isEqualTo(passes);
  }

  @Test
  void registryOfTheFilingCountyUnderTheSameName() {
    Rules.RegistryRule rule = new Rules.RegistryRule();
    assertThat(failures(rule, f -> { }, Facts.transport())).isEmpty();
    assertThat(failures(rule, f -> f.registry = null, Facts.transport())).containsExactly("REGISTRY");
    assertThat(failures(rule, f -> f.name = "张四", Facts.transport())).containsExactly("REGISTRY_NAME");
    Facts elsewhere = Facts.transport();
    elsewhere.registry = null;
    elsewhere.otherCounties = List.of("清镇市");
    assertThat(rule.check(elsewhere.build()).get(0).message()).contains("清镇市").contains("户籍所在县");
  }

  @Test
  void pledge() {
    assertThat(failures(new Rules.PledgeRule(), f -> f.pledge = false, Facts.transport())).containsExactly("PLEDGE");
    assertThat(failures(new Rules.PledgeRule(), f -> { }, Facts.transport())).isEmpty();
  }

  @ParameterizedTest(name = "year {0}, started {1}, applied {2}: passes {3}")
  @CsvSource({
      "2026, 2026-02-01, 2026-05-01, true,  exactly three months",
      "2026, 2026-02-02, 2026-05-01, false, one day short",
      "2026, 2025-09-01, 2026-03-31, false, months of last year do not count for this year",
      "2026, 2025-09-01, 2026-04-01, true,  three months of this year",
      "2025, 2025-09-01, 2026-01-10, true,  applying in January for last year",
      "2025, 2025-10-15, 2026-01-10, false, last year ended before three months",
  })
  void threeConsecutiveMonthsAwayInTheSubsidyYear(int year, LocalDate start, LocalDate applied, boolean passes,
      String why) {
    assertThat(failures(new Rules.TimeAwayRule(3), f -> {
      f.year = year;
      f.employmentStart = start;
      f.applicationDate = applied;
    }, Facts.transport()).isEmpty()).as(why).isEqualTo(passes);
  }

  @Test
  void transportOncePerPersonPerYear() {
    Rules.OncePerYearRule rule = new Rules.OncePerYearRule();
    assertThat(failures(rule, f -> { }, Facts.transport())).isEmpty();
    assertThat(failures(rule, f -> f.transportClaimedBy = "520181-2026-000007", Facts.transport()))
        .containsExactly("ONCE_PER_YEAR");
    assertThat(failures(rule, f -> f.transportClaimedBy = "520181-2026-000007", Facts.training()))
        .as("training is not limited per year").isEmpty();
  }

  @ParameterizedTest(name = "certificate {0}, applied {1}: passes {2}")
  @CsvSource({
      "2025-06-15, 2026-06-15, true,  12 months exactly",
      "2025-06-15, 2026-06-16, false, one day late",
      "2024-02-29, 2025-02-28, true,  leap-day certificate: last day is 28 February",
      "2024-02-29, 2025-03-01, false, leap-day certificate: 1 March is late",
      "2025-12-31, 2026-12-31, true,  across the year boundary",
  })
  void claimedWithinTwelveMonthsOfTheCertificate(LocalDate certificate, LocalDate applied, boolean passes,
      String why) {
    assertThat(failures(new Rules.ClaimWindowRule(12), f -> {
      f.certificateDate = certificate;
      f.applicationDate = applied;
    }, Facts.training()).isEmpty()).as(why).isEqualTo(passes);
  }

  @Test
  void certificateTypesTheProvincePaysFor() {
    Rules.CertificateTypeRule onlySkills = new Rules.CertificateTypeRule(
        EnumSet.of(TrainingLevel.PRIMARY, TrainingLevel.INTERMEDIATE, TrainingLevel.ADVANCED));
    assertThat(failures(onlySkills, f -> f.level = TrainingLevel.COMPLETION, Facts.training()))
        .containsExactly("CERTIFICATE_TYPE");
    assertThat(failures(onlySkills, f -> f.level = TrainingLevel.ADVANCED, Facts.training())).isEmpty();
    assertThat(failures(new Rules.CertificateTypeRule(EnumSet.allOf(TrainingLevel.class)),
        f -> f.level = TrainingLevel.COMPLETION, Facts.training())).isEmpty();
  }

  @Test
  void sameOccupationAndLevelOnce() {
    Rules.SameOccupationAndLevelRule rule = new Rules.SameOccupationAndLevelRule();
    assertThat(failures(rule, f -> f.trainingClaimedBy = "532527-2026-000001", Facts.training()))
        .containsExactly("SAME_LEVEL");
    assertThat(failures(rule, f -> { }, Facts.training())).isEmpty();
  }

  @ParameterizedTest(name = "claimed {0}, applying {1}: passes {2}")
  @CsvSource({
      "ADVANCED,     PRIMARY,         false",
      "INTERMEDIATE, PRIMARY,         false",
      "PRIMARY,      INTERMEDIATE,    true",
      "ADVANCED,     SPECIAL_ABILITY, true",
      "SPECIAL_ABILITY, PRIMARY,      true",
  })
  void noLowerLevelAfterAHigherOne(TrainingLevel claimed, TrainingLevel applying, boolean passes) {
    assertThat(failures(new Rules.NoLowerLevelRule(), f -> {
      f.claimedLevels = List.of(claimed);
      f.level = applying;
    }, Facts.training()).isEmpty()).isEqualTo(passes);
  }

  @Test
  void everyFailedRuleIsListedNotOnlyTheFirst() {
    Facts f = Facts.transport();
    f.idNumber = id("53252720120101001");
    f.registry = null;
    f.pledge = false;
    f.employmentStart = LocalDate.of(2026, 5, 1);
    f.transportClaimedBy = "532527-2026-000002";
    List<String> rules = Rules.all(EligibilitySettings.defaults()).stream()
        .flatMap(rule -> rule.check(f.build()).stream()).map(Reason::rule).toList();
    assertThat(rules).containsExactly("AGE", "REGISTRY", "PLEDGE", "TIME_AWAY", "ONCE_PER_YEAR");
  }

  @Test
  void rulesOfOneSubsidyDoNotApplyToTheOther() {
    Facts transport = Facts.transport();
    transport.certificateDate = LocalDate.of(2000, 1, 1);
    transport.claimedLevels = List.of(TrainingLevel.ADVANCED);
    assertThat(Rules.all(EligibilitySettings.defaults()).stream().flatMap(r -> r.check(transport.build()).stream()))
        .isEmpty();
    Facts training = Facts.training();
    training.employmentStart = LocalDate.of(2026, 6, 1);
    training.registry = new RegistryEntry("532527", Facts.ID, "张三", Category.MONITORED);
    assertThat(Rules.all(EligibilitySettings.defaults()).stream().flatMap(r -> r.check(training.build()).stream()))
        .isEmpty();
  }
}
