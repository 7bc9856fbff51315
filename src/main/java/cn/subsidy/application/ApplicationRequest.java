package cn.subsidy.application;

/**
 * The body of {@code POST /api/applications}, as the client sent it. Leaves are text so that every
 * bad value can be named in the answer instead of failing the whole body.
 */
public record ApplicationRequest(
    String type,
    Applicant applicant,
    String countyCode,
    Account account,
    String pledge,
    Agent agent,
    Training training,
    Transport transport) {

  /** The person the subsidy is for. */
  public record Applicant(String idNumber, String name, String phone, String email) {}

  /** The account to pay into, in the applicant's own name. */
  public record Account(String bank, String number) {}

  /** A village or township clerk filing on the applicant's behalf (代办). */
  public record Agent(String name, String organization, String phone) {}

  /** The training and its certificate. */
  public record Training(String occupation, String level, String certificateNo, String certificateDate,
      String trainingDays) {}

  /** The work away from the home county. */
  public record Transport(String year, String workProvince, String workPrefecture, String workCounty,
      String employer, String employmentStart, String band, String fare) {}
}
