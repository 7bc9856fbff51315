package cn.subsidy.report;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationReader;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.county.Counties;
import cn.subsidy.county.County;
import cn.subsidy.database.RecordRows;
import cn.subsidy.notice.Objections;
import cn.subsidy.person.IdNumber;
import cn.subsidy.registry.Registry;
import cn.subsidy.security.Staff;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/applications/{no}}: what the application's record page shows officials
 * besides the status view ({@code GET /api/applications/{no}}) and the mails: the data as filed, in
 * full (the policy lets the county's and the province's officials and the county's finance staff see
 * it), the objections and the payment. Anyone else gets the same 404 as for an unknown number.
 */
@RestController
class OfficialRecordController {

  /** The data as filed. */
  record Record(String applicationNo, String type, String typeText, String countyCode, String county,
      String channel, String filedBy, Instant submittedAt, LocalDate applicationDate, Map<String, Object> applicant,
      Map<String, Object> account, boolean pledge, Map<String, Object> details, List<Objections.Objection> objections,
      Payment payment) {}

  /** The application's payment instruction and every batch line it was sent in. */
  record Payment(String status, BigDecimal amount, int attempts, String failureReason, Instant createdAt,
      Instant updatedAt, List<PaymentLine> lines) {}

  /** One line of a batch sent to the bank, and the bank's answer. */
  record PaymentLine(long batchId, String bank, String accountNumber, BigDecimal amount, String result, String reason,
      Instant resultAt) {}

  private final ApplicationReader reader;
  private final Counties counties;
  private final Registry registry;
  private final Objections objections;
  private final JdbcClient jdbc;
  private final Clock clock;

  OfficialRecordController(ApplicationReader reader, Counties counties, Registry registry, Objections objections,
      JdbcClient jdbc, Clock clock) {
    this.reader = reader;
    this.counties = counties;
    this.registry = registry;
    this.objections = objections;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping("/api/reports/applications/{applicationNo}")
  Record record(@PathVariable String applicationNo, Staff staff) {
    Application a = reader.forStaff(applicationNo, staff);
    return new Record(a.applicationNo(), a.type().name(), a.type().chinese() + " / " + a.type().english(),
        a.countyCode(), counties.find(a.countyCode()).map(County::name).orElse(a.countyCode()), a.channel().name(),
        a.filedBy(), a.submittedAt(), a.applicationDate(), applicant(a), account(a), a.pledge(), details(a),
        objections.of(a.applicationNo()), payment(a.applicationNo()));
  }

  private Map<String, Object> applicant(Application a) {
    IdNumber id = new IdNumber(a.idNumber());
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("name", a.name());
    applicant.put("idNumber", a.idNumber());
    applicant.put("sex", id.isMale() ? "男 / male" : "女 / female");
    applicant.put("birthDate", id.birthDate());
    applicant.put("age", id.ageOn(LocalDate.now(clock)));
    applicant.put("phone", a.phone());
    applicant.put("email", a.email());
    applicant.put("registry", registry.find(a.countyCode(), a.idNumber())
        .map(e -> e.category().label()).orElse("不在台账中 / not in the registry"));
    return applicant;
  }

  private static Map<String, Object> account(Application a) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("bank", a.bank());
    account.put("number", a.accountNumber());
    return account;
  }

  private static Map<String, Object> details(Application a) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (a.type() == ApplicationType.TRAINING) {
      details.put("occupation", a.occupation());
      details.put("level", a.level().name());
      details.put("levelText", a.level().chinese());
      details.put("certificateNo", a.certificateNo());
      details.put("certificateDate", a.certificateDate());
      details.put("trainingDays", a.trainingDays());
    } else {
      details.put("year", a.transportYear());
      details.put("band", a.band().name());
      details.put("bandText", a.band().chinese());
      details.put("workProvince", a.workProvince());
      details.put("workPrefecture", a.workPrefecture());
      details.put("workCounty", a.workCounty());
      details.put("employer", a.employer());
      details.put("employmentStart", a.employmentStart());
      details.put("fare", a.fare());
    }
    details.put("amount", a.amount());
    details.put("amountDetail", a.amountDetail());
    return details;
  }

  private Payment payment(String applicationNo) {
    List<PaymentLine> lines = jdbc.sql("""
        select batch_id, bank, account_number, amount, result, reason, result_at from payment_line
        where application_no = ? order by batch_id
        """).param(applicationNo).query(RecordRows.of(PaymentLine.class)).list();
    return jdbc.sql("""
        select status, amount, attempts, failure_reason, created_at, updated_at from payment_instruction
        where application_no = ?
        """).param(applicationNo)
        .query((rs, n) -> new Payment(rs.getString("status"), rs.getBigDecimal("amount"), rs.getInt("attempts"),
            rs.getString("failure_reason"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), lines))
        .optional().orElse(null);
  }
}
