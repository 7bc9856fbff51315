package cn.subsidy.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A well-formed application, ready to be stored: every field checked and typed. */
public record NewApplication(
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
    TrainingDetails training,
    TransportDetails transport) {

  /** The training subsidy's part. */
  public record TrainingDetails(String occupation, TrainingLevel level, String certificateNo,
      LocalDate certificateDate, int trainingDays) {}

  /** The transportation subsidy's part. */
  public record TransportDetails(int year, String workProvince, String workPrefecture, String workCounty,
      String employer, LocalDate employmentStart, TransportBand band, BigDecimal fare) {}
}
