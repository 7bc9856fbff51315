package cn.subsidy.amount;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.TransportBand;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact amounts from the tables' parameters: decimals, never floating point. */
class AmountCalculatorTest {

  static Application training(int days) {
    return new Application("532527-2026-000001", ApplicationType.TRAINING, "532527", null, "张三", null, null, null,
        null, true, null, null, null, null, null, null, null, null, null, null, null, days, null, null, null, null, null,
        null, null, null, null, null);
  }

  static Application transport(String fare) {
    return new Application("532527-2026-000001", ApplicationType.TRANSPORT, "532527", null, "张三", null, null, null,
        null, true, null, null, null, null, null, null, null, null, null, null, null, null, 2026, null, null, null, null,
        null, TransportBand.OTHER_PROVINCE, fare == null ? null : new BigDecimal(fare), null, null);
  }

  @ParameterizedTest(name = "{0} x (100+{1})% + {2} days -> {3}")
  @CsvSource({
      "1000, 0,  0,  1000.00",
      "1500, 30, 20, 3550.00",
      "2000, 30, 31, 5000.00",
      "1000, 33, 30, 3730.00",
      "500,  12.5, 1, 642.50",
      "1000, 0, 30, 3400.00",
  })
  void trainingSubsidyPlusLivingAllowance(double ceiling, double uplift, int days, String expected) {
    Amount amount = AmountCalculator.calculate(training(days), Map.of("ceiling", ceiling, "upliftPercent", uplift,
        "dailyAllowance", 60L, "dailyTransport", 20L, "maxDays", 30L)).orElseThrow();
    assertThat(amount.total()).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0} {1}, fare {2} -> {3}")
  @CsvSource({
      "FIXED, 500, ,       500.00",
      "FIXED, 500, 1200.00, 500.00",
      "FARE,  800, 420.50, 420.50",
      "FARE,  800, 0.10,   0.10",
      "FARE,  800, 999.99, 800.00",
  })
  void transportFixedOrFareUpToTheCap(String basis, double amount, String fare, String expected) {
    assertThat(AmountCalculator.calculate(transport(fare), Map.of("basis", basis, "amount", amount)).orElseThrow()
        .total()).isEqualTo(new BigDecimal(expected));
  }

  @org.junit.jupiter.api.Test
  void fareReimbursementWithoutAFareCannotBeDecided() {
    assertThat(AmountCalculator.calculate(transport(null), Map.of("basis", "FARE", "amount", 800.0))).isEmpty();
  }
}
