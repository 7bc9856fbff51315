package cn.subsidy.eligibility;

import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.Reason;
import cn.subsidy.application.TrainingLevel;
import cn.subsidy.person.IdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The eligibility rules of both subsidies, in the order their reasons are listed. */
final class Rules {

  private Rules() {}

  static List<EligibilityRule> all(EligibilitySettings settings) {
    return List.of(
        new IdentityNumberRule(),
        new AgeRule(settings.minimumAge(), settings.maximumAge()),
        new RegistryRule(),
        new PledgeRule(),
        new TimeAwayRule(settings.monthsAway()),
        new OncePerYearRule(),
        new ClaimWindowRule(settings.claimWindowMonths()),
        new CertificateTypeRule(settings.acceptedCertificates()),
        new SameOccupationAndLevelRule(),
        new NoLowerLevelRule());
  }

  /** 居民身份证号码: GB 11643 check character, a real birth date, not in the future. */
  static final class IdentityNumberRule implements EligibilityRule {
    @Override
    public List<Reason> check(EligibilityFacts f) {
      return IdNumber.problems(f.idNumber(), f.applicationDate()).stream()
          .map(message -> new Reason("ID_NUMBER", message)).toList();
    }
  }

  /** Age on the application date; a birthday on that date counts. */
  static final class AgeRule implements EligibilityRule {
    private final int minimum;
    private final Integer maximum;

    AgeRule(int minimum, Integer maximum) {
      this.minimum = minimum;
      this.maximum = maximum;
    }

    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (!IdNumber.isValid(f.idNumber(), f.applicationDate())) {
        return List.of();
      }
      int age = new IdNumber(f.idNumber()).ageOn(f.applicationDate());
      if (age < minimum) {
        return List.of(new Reason("AGE", "申请日未满" + minimum + "周岁（" + age + "周岁）/ Under " + minimum
            + " on the application date (" + age + ")."));
      }
      if (maximum != null && age > maximum) {
        return List.of(new Reason("AGE", "申请日已超过" + maximum + "周岁（" + age + "周岁）/ Over " + maximum
            + " on the application date (" + age + ")."));
      }
      return List.of();
    }
  }

  /** In the filing county's registry of 脱贫人口 or 监测对象, under the same name. */
  static final class RegistryRule implements EligibilityRule {
    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.registryEntry().isEmpty()) {
        String elsewhere = f.otherRegistryCounties().isEmpty() ? ""
            : "该身份证号登记在其他县（" + String.join("、", f.otherRegistryCounties()) + "），请向户籍所在县申请；";
        return List.of(new Reason("REGISTRY", "不在本县脱贫人口或防止返贫监测对象台账中；" + elsewhere
            + " / Not in this county's registry of people lifted out of poverty or monitored against relapse"
            + (f.otherRegistryCounties().isEmpty() ? "." : "; registered in " + String.join(", ",
                f.otherRegistryCounties()) + ": apply in the county of household registration.")));
      }
      if (!f.registryEntry().get().name().equals(f.name())) {
        return List.of(new Reason("REGISTRY_NAME",
            "姓名与台账登记的不一致 / The name differs from the one in the registry."));
      }
      return List.of();
    }
  }

  /** The signed pledge (承诺书): the data is true and the applicant is not a public employee. */
  static final class PledgeRule implements EligibilityRule {
    @Override
    public List<Reason> check(EligibilityFacts f) {
      return f.pledge() ? List.of() : List.of(new Reason("PLEDGE",
          "未签署承诺书（公职人员不得申请）/ The pledge is not signed (public employees may not apply)."));
    }
  }

  /**
   * Transport: worked away from home for the required consecutive months within the subsidy year,
   * counted up to the application date.
   */
  static final class TimeAwayRule implements EligibilityRule {
    private final int months;

    TimeAwayRule(int months) {
      this.months = months;
    }

    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.type() != ApplicationType.TRANSPORT) {
        return List.of();
      }
      LocalDate yearStart = LocalDate.of(f.transportYear(), 1, 1);
      LocalDate yearEnd = LocalDate.of(f.transportYear(), 12, 31);
      LocalDate from = f.employmentStart().isBefore(yearStart) ? yearStart : f.employmentStart();
      LocalDate to = f.applicationDate().isAfter(yearEnd) ? yearEnd : f.applicationDate();
      if (from.plusMonths(months).isAfter(to)) {
        return List.of(new Reason("TIME_AWAY", f.transportYear() + "年度在外务工不满连续" + months + "个月（自" + from
            + "起，须至少到" + from.plusMonths(months) + "）/ Less than " + months + " consecutive months of work away"
            + " in " + f.transportYear() + " (from " + from + ", needs to last until " + from.plusMonths(months)
            + ")."));
      }
      return List.of();
    }
  }

  /** Transport: once per person per calendar year, across all counties. */
  static final class OncePerYearRule implements EligibilityRule {
    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.type() != ApplicationType.TRANSPORT || f.transportClaimedBy().isEmpty()) {
        return List.of();
      }
      return List.of(duplicate(f.transportYear(), f.transportClaimedBy().get()));
    }

    static Reason duplicate(int year, String otherApplication) {
      return new Reason("ONCE_PER_YEAR", year + "年度已申请过一次性交通补助（申请编号 " + otherApplication + "），每人每年限一次"
          + " / The transportation subsidy for " + year + " was already applied for (" + otherApplication
          + "); once per person per year.");
    }
  }

  /** Training: claimed within the window after the certificate date (the last day still counts). */
  static final class ClaimWindowRule implements EligibilityRule {
    private final int months;

    ClaimWindowRule(int months) {
      this.months = months;
    }

    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.type() != ApplicationType.TRAINING) {
        return List.of();
      }
      LocalDate lastDay = f.certificateDate().plusMonths(months);
      if (f.applicationDate().isAfter(lastDay)) {
        return List.of(new Reason("CLAIM_WINDOW", "已超过取得证书后" + months + "个月的申请期限（证书日期" + f.certificateDate()
            + "，最晚" + lastDay + "）/ More than " + months + " months after the certificate date "
            + f.certificateDate() + " (last day " + lastDay + ")."));
      }
      return List.of();
    }
  }

  /** Training: a certificate type the province pays for. */
  static final class CertificateTypeRule implements EligibilityRule {
    private final Set<TrainingLevel> accepted;

    CertificateTypeRule(Set<TrainingLevel> accepted) {
      this.accepted = accepted;
    }

    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.type() != ApplicationType.TRAINING || accepted.contains(f.level())) {
        return List.of();
      }
      return List.of(new Reason("CERTIFICATE_TYPE", "本省不对" + f.level().chinese() + "发放培训补贴 / This province"
          + " does not pay the training subsidy for " + f.level() + " certificates."));
    }
  }

  /** Training: the same occupation at the same level is paid once per person. */
  static final class SameOccupationAndLevelRule implements EligibilityRule {
    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.type() != ApplicationType.TRAINING || f.trainingClaimedBy().isEmpty()) {
        return List.of();
      }
      return List.of(duplicate(f.occupation(), f.level(), f.trainingClaimedBy().get()));
    }

    static Reason duplicate(String occupation, TrainingLevel level, String otherApplication) {
      return new Reason("SAME_LEVEL", "“" + occupation + "”" + level.chinese() + "的培训补贴已申请过（申请编号 "
          + otherApplication + "），同一职业同一等级只补贴一次 / The training subsidy for " + occupation + " at level "
          + level + " was already applied for (" + otherApplication + "); it is paid once per person.");
    }
  }

  /** Training: no lower skill level of an occupation after a higher one was claimed. */
  static final class NoLowerLevelRule implements EligibilityRule {
    @Override
    public List<Reason> check(EligibilityFacts f) {
      if (f.type() != ApplicationType.TRAINING) {
        return List.of();
      }
      List<Reason> reasons = new ArrayList<>();
      f.claimedLevels().stream().filter(claimed -> claimed.isHigherThan(f.level())).findFirst()
          .ifPresent(higher -> reasons.add(new Reason("LOWER_LEVEL", "已申领“" + f.occupation() + "”更高等级（"
              + higher.chinese() + "）的补贴，不能再申领较低等级 / A higher level (" + higher + ") of " + f.occupation()
              + " was already claimed; a lower level cannot be claimed after it.")));
      return reasons;
    }
  }
}
