package cn.subsidy.support;

import cn.subsidy.person.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid identity numbers for test people who are not in any registry yet. */
public final class Ids {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  private Ids() {}

  /** A fresh valid number for someone born on {@code birth}, registered in {@code addressCode}. */
  public static String of(String addressCode, LocalDate birth) {
    String first17 = addressCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", SEQUENCE.getAndIncrement() % 1000);
    return first17 + IdNumber.checkCharacter(first17);
  }

  /** The same number with a wrong check character. */
  public static String withWrongCheck(String id) {
    char wrong = id.charAt(17) == '0' ? '1' : '0';
    return id.substring(0, 17) + wrong;
  }
}
