package cn.subsidy.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored application, as the application table holds it. */
public record Application(
    String applicationNo,
    ApplicationType type,
    String countyCode,
    String idNumber,
    String name,
    String phone,
    String email,
    String bank,
    String accountNumber,
    boolean pledge,
    Channel channel,
    String filedBy,
    Instant submittedAt,
    LocalDate applicationDate,
    ApplicationStatus status,
    BigDecimal amount,
    String amountDetail,
    String occupation,
    TrainingLevel level,
    String certificateNo,
    LocalDate certificateDate,
    Integer trainingDays,
    Integer transportYear,
    String workProvince,
    String workPrefecture,
    String workCounty,
    String employer,
    LocalDate employmentStart,
    TransportBand band,
    BigDecimal fare,
    Instant noticeStartsAt,
    Instant noticeEndsAt) {

  public String provinceCode() {
    return countyCode.substring(0, 2);
  }
}
