package cn.subsidy.eligibility;

import cn.subsidy.application.TrainingLevel;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy's numbers that each province sets ({@code subsidy.eligibility.*}).
 *
 * @param minimumAge age on the application date, at least
 * @param maximumAge age on the application date, at most; empty for no cap (some provinces cap at 60)
 * @param monthsAway consecutive months worked away from home in the subsidy year (transport)
 * @param claimWindowMonths months after the certificate date within which training is claimed
 * @param acceptedCertificates the certificate types the province pays the training subsidy for
 */
@ConfigurationProperties("subsidy.eligibility")
public record EligibilitySettings(
    @DefaultValue("16") int minimumAge,
    Integer maximumAge,
    @DefaultValue("3") int monthsAway,
    @DefaultValue("12") int claimWindowMonths,
    Set<TrainingLevel> acceptedCertificates) {

  public EligibilitySettings {
    acceptedCertificates = acceptedCertificates == null || acceptedCertificates.isEmpty()
        ? EnumSet.allOf(TrainingLevel.class) : EnumSet.copyOf(acceptedCertificates);
  }

  static EligibilitySettings defaults() {
    return new EligibilitySettings(16, null, 3, 12, null);
  }
}
