package cn.subsidy.amount;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the parameters the decision tables give (amounts per band, ceilings, uplift, daily allowance)
 * into an exact amount. The numbers live in DMN, where officials change them; the arithmetic lives
 * here, in decimals, so that no amount is ever a floating-point approximation.
 */
final class AmountCalculator {

  static final String FARE = "FARE";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AmountCalculator() {}

  /** The amount, or empty when the county reimburses the fare and no fare was given. */
  static Optional<Amount> calculate(Application application, Map<String, Object> decision) {
    return application.type() == ApplicationType.TRANSPORT ? transport(application, decision)
        : Optional.of(training(application, decision));
  }

  static Optional<Amount> transport(Application application, Map<String, Object> decision) {
    BigDecimal amount = decimal(decision, "amount");
    if (!FARE.equals(decision.get("basis"))) {
      return Optional.of(new Amount(amount, "一次性交通补助（" + application.band().chinese() + "）" + amount
          + "元 / transportation subsidy (" + application.band() + ") " + amount));
    }
    if (application.fare() == null) {
      return Optional.empty();
    }
    BigDecimal paid = application.fare().min(amount).setScale(2, RoundingMode.HALF_UP);
    return Optional.of(new Amount(paid, "按实际车费" + application.fare() + "元报销，上限" + amount + "元：" + paid
        + "元 / actual fare " + application.fare() + " reimbursed up to " + amount + ": " + paid));
  }

  static Amount training(Application application, Map<String, Object> decision) {
    BigDecimal ceiling = decimal(decision, "ceiling");
    BigDecimal uplift = decimal(decision, "upliftPercent");
    BigDecimal training = ceiling.multiply(HUNDRED.add(uplift)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    int days = Math.min(application.trainingDays(), decimal(decision, "maxDays").intValue());
    BigDecimal daily = decimal(decision, "dailyAllowance").add(decimal(decision, "dailyTransport"));
    BigDecimal living = daily.multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP);
    BigDecimal total = training.add(living);
    String upliftText = uplift.signum() == 0 ? "" : "（紧缺职业上浮" + uplift.stripTrailingZeros().toPlainString() + "%）";
    return new Amount(total, "培训补贴" + training + "元" + upliftText + " + 生活费补贴" + days + "天×" + daily + "元="
        + living + "元 / training subsidy " + training + (uplift.signum() == 0 ? "" : " (shortage occupation +"
        + uplift.stripTrailingZeros().toPlainString() + "%)") + " + living allowance " + days + " days x " + daily
        + " = " + living);
  }

  private static BigDecimal decimal(Map<String, Object> decision, String name) {
    Object value = decision.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("The decision table gave no number for '" + name + "': " + decision);
    }
    // The decision engine hands out Long or Double; toString gives back the decimal that was written.
    return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
  }
}
