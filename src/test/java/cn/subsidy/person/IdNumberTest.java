package cn.subsidy.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
      "11010519491231002X, true,  policy example that passes",
      "11010519491231002x, true,  lower-case x is accepted",
      "110105194912310021, false, policy example that fails (check character)",
      "11010519491231002,  false, 17 characters",
      "1101051949123100211, false, 19 characters",
      "11010519491231002Y, false, letter other than X",
      "1101051949123A002X, false, letter inside",
      "110105202302290014, false, 29 February in a non-leap year",
      "110105202402290011, true,  29 February in a leap year",
      "110105194913310021, false, month 13",
      "110105202611240010, false, born tomorrow",
      "110105202611230015, true,  born today",
      "999999194912310025, true,  retired or unknown address codes stay valid",
  })
  void validatesAsGb11643Says(String id, boolean valid, String why) {
    assertThat(IdNumber.isValid(id, TODAY)).as(why).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"11010519491231002, 11010519491231002X", "53252719900101002, 532527199001010029"})
  void computesTheCheckCharacter(String first17, String full) {
    assertThat(first17 + IdNumber.checkCharacter(first17)).isEqualTo(full);
  }

  @ParameterizedTest
  @CsvSource({
      "110105200011230012, 2026-11-23, 26, birthday on the application date counts",
      "110105200011240018, 2026-11-23, 25, birthday tomorrow does not",
      "110105200802290011, 2024-02-28, 15, leap-day birthday: not yet 16 on 28 February",
      "110105200802290011, 2024-02-29, 16, leap-day birthday on 29 February",
      "110105200802290011, 2025-03-01, 17, leap-day birthday counts on 1 March in common years",
  })
  void ageOnADate(String id, LocalDate date, int age, String why) {
    assertThat(new IdNumber(id).ageOn(date)).as(why).isEqualTo(age);
  }

  @ParameterizedTest
  @CsvSource({"11010519491231002X, false", "110105194912310011, true"})
  void sexFromTheSequence(String id, boolean male) {
    assertThat(new IdNumber(id).isMale()).isEqualTo(male);
  }

  @org.junit.jupiter.api.Test
  void namesEveryProblemAtOnce() {
    List<String> problems = IdNumber.problems("110105202302290019", TODAY);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("20230229");
    assertThat(problems.get(1)).contains("校验位");
  }

  @org.junit.jupiter.api.Test
  void lowerCaseXIsStoredAsUpperCase() {
    assertThat(IdNumber.parse("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
    assertThatThrownBy(() -> IdNumber.parse("110105194912310021", TODAY)).hasMessageContaining("校验位");
  }
}
