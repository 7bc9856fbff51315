package cn.subsidy.eligibility;

import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.TrainingLevel;
import cn.subsidy.registry.Category;
import cn.subsidy.registry.RegistryEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Builds eligibility facts for rule tests: an eligible applicant unless a test says otherwise. */
final class Facts {

  static final String ID = "53252719900101002" + cn.subsidy.person.IdNumber.checkCharacter("53252719900101002");

  ApplicationType type = ApplicationType.TRANSPORT;
  String idNumber = ID;
  String name = "张三";
  boolean pledge = true;
  LocalDate applicationDate = LocalDate.of(2026, 6, 15);
  RegistryEntry registry = new RegistryEntry("532527", ID, "张三", Category.ALLEVIATED);
  List<String> otherCounties = List.of();
  Integer year = 2026;
  LocalDate employmentStart = LocalDate.of(2026, 2, 1);
  String transportClaimedBy;
  String occupation = "电工";
  TrainingLevel level = TrainingLevel.PRIMARY;
  LocalDate certificateDate = LocalDate.of(2026, 3, 1);
  String trainingClaimedBy;
  List<TrainingLevel> claimedLevels = List.of();

  static Facts transport() {
    return new Facts();
  }

  static Facts training() {
    Facts f = new Facts();
    f.type = ApplicationType.TRAINING;
    return f;
  }

  EligibilityFacts build() {
    return new EligibilityFacts(type, "532527", idNumber, name, pledge, applicationDate, Optional.ofNullable(registry),
        otherCounties, year, employmentStart, Optional.ofNullable(transportClaimedBy), occupation, level,
        certificateDate, Optional.ofNullable(trainingClaimedBy), claimedLevels);
  }
}
