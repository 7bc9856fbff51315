package cn.subsidy.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A resident identity number (居民身份证号码, GB 11643-1999): six digits of address code, the birth
 * date as yyyyMMdd, a three-digit sequence (odd for men, even for women) and a check character.
 * Lower-case x is accepted and kept as X.
 */
public record IdNumber(String value) {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  public IdNumber {
    List<String> problems = problems(value, LocalDate.MAX);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    value = value.trim().toUpperCase();
  }

  /** Parses a number that must be valid on {@code today} (birth date not after it). */
  public static IdNumber parse(String raw, LocalDate today) {
    List<String> problems = problems(raw, today);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new IdNumber(raw);
  }

  /** Every reason why {@code raw} is not a valid identity number on {@code today}; empty if it is. */
  public static List<String> problems(String raw, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      problems.add("请填写身份证号码 / The identity number is missing.");
      return problems;
    }
    String id = raw.trim().toUpperCase();
    if (id.length() != 18) {
      problems.add("身份证号码应为18位，现为" + id.length() + "位 / The identity number must have 18 characters, not "
          + id.length() + ".");
      return problems;
    }
    if (!id.matches("\\d{17}[\\dX]")) {
      problems.add("身份证号码前17位应为数字，最后一位为数字或X / The identity number must be 17 digits followed by a digit"
          + " or X.");
      return problems;
    }
    LocalDate birth = birthDateOrNull(id);
    if (birth == null) {
      problems.add("身份证号码中的出生日期" + id.substring(6, 14) + "不是有效日期 / The birth date " + id.substring(6, 14)
          + " in the identity number is not a real date.");
    } else if (birth.isAfter(today)) {
      problems.add("身份证号码中的出生日期" + birth + "在未来 / The birth date " + birth
          + " in the identity number is in the future.");
    }
    char expected = checkCharacter(id.substring(0, 17));
    if (id.charAt(17) != expected) {
      problems.add("身份证号码校验位错误，请核对每一位数字 / The identity number's check character is wrong; check"
          + " every digit.");
    }
    return problems;
  }

  public static boolean isValid(String raw, LocalDate today) {
    return problems(raw, today).isEmpty();
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  public LocalDate birthDate() {
    return birthDateOrNull(value);
  }

  /** Age in whole years on {@code date}; a birthday on {@code date} counts. */
  public int ageOn(LocalDate date) {
    return Period.between(birthDate(), date).getYears();
  }

  public boolean isMale() {
    return (value.charAt(16) - '0') % 2 == 1;
  }

  /** The six-digit address code of first registration (informative only). */
  public String addressCode() {
    return value.substring(0, 6);
  }

  public String masked() {
    return Masking.idNumber(value);
  }

  @Override
  public String toString() {
    return masked();
  }

  private static LocalDate birthDateOrNull(String id) {
    try {
      return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
