package cn.subsidy.application;

import cn.subsidy.database.RecordRows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application table and its reasons and history. */
@Repository
public class Applications {

  private static final String COLUMNS = """
      application_no, type, county_code, id_number, name, phone, email, bank, account_number, pledge, channel,
      filed_by,
      submitted_at, application_date, status, amount, amount_detail, occupation, level, certificate_no,
      certificate_date, training_days, transport_year, work_province, work_prefecture, work_county, employer,
      employment_start, band, fare, notice_starts_at, notice_ends_at""";

  private final JdbcClient jdbc;

  Applications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String applicationNo, NewApplication a, Instant submittedAt, LocalDate applicationDate,
      ApplicationStatus status) {
    NewApplication.TrainingDetails t = a.training();
    NewApplication.TransportDetails r = a.transport();
    jdbc.sql("""
        insert into application (application_no, type, county_code, id_number, name, phone, email, bank,
          account_number, pledge, channel, filed_by, submitted_at, application_date, status,
          occupation, level, certificate_no, certificate_date, training_days,
          transport_year, work_province, work_prefecture, work_county, employer, employment_start, band, fare)
        values (:no, :type, :county, :id, :name, :phone, :email, :bank, :account, :pledge, :channel, :filedBy,
          :submittedAt, :applicationDate, :status, :occupation, :level, :certificateNo, :certificateDate,
          :trainingDays, :year, :workProvince, :workPrefecture, :workCounty, :employer, :employmentStart, :band,
          :fare)
        """)
        .param("no", applicationNo).param("type", a.type().name()).param("county", a.countyCode())
        .param("id", a.idNumber()).param("name", a.name()).param("phone", a.phone()).param("email", a.email())
        .param("bank", a.bank()).param("account", a.accountNumber()).param("pledge", a.pledge())
        .param("channel", a.channel().name()).param("filedBy", a.filedBy())
        .param("submittedAt", Timestamp.from(submittedAt)).param("applicationDate", applicationDate)
        .param("status", status.name())
        .param("occupation", t == null ? null : t.occupation())
        .param("level", t == null ? null : t.level().name())
        .param("certificateNo", t == null ? null : t.certificateNo())
        .param("certificateDate", t == null ? null : t.certificateDate())
        .param("trainingDays", t == null ? null : t.trainingDays())
        .param("year", r == null ? null : r.year())
        .param("workProvince", r == null ? null : r.workProvince())
        .param("workPrefecture", r == null ? null : r.workPrefecture())
        .param("workCounty", r == null ? null : r.workCounty())
        .param("employer", r == null ? null : r.employer())
        .param("employmentStart", r == null ? null : r.employmentStart())
        .param("band", r == null ? null : r.band().name())
        .param("fare", r == null ? null : r.fare())
        .update();
  }

  public Optional<Application> find(String applicationNo) {
    return jdbc.sql("select " + COLUMNS + " from application where application_no = ?").param(applicationNo)
        .query(RecordRows.of(Application.class)).optional();
  }

  /** Locks the application's row until the transaction ends, so that concurrent steps queue up. */
  public Optional<Application> findForUpdate(String applicationNo) {
    return jdbc.sql("select " + COLUMNS + " from application where application_no = ? for update")
        .param(applicationNo).query(RecordRows.of(Application.class)).optional();
  }

  public List<Application> ofPerson(String idNumber) {
    return jdbc.sql("select " + COLUMNS + " from application where id_number = ? order by submitted_at")
        .param(idNumber).query(RecordRows.of(Application.class)).list();
  }

  void updateStatus(String applicationNo, ApplicationStatus status) {
    jdbc.sql("update application set status = ?, updated_at = now() where application_no = ?")
        .params(status.name(), applicationNo).update();
  }

  Map<String, ApplicationStatus> statusesForUpdate(Collection<String> applicationNos) {
    Map<String, ApplicationStatus> statuses = new HashMap<>();
    jdbc.sql("select application_no, status from application where application_no = any(?) order by application_no"
            + " for update")
        .param(applicationNos.toArray(String[]::new))
        .query((rs, n) -> statuses.put(rs.getString(1), ApplicationStatus.valueOf(rs.getString(2)))).list();
    return statuses;
  }

  void updateStatuses(Map<String, ApplicationStatus> targets) {
    Map<ApplicationStatus, List<String>> byStatus = new EnumMap<>(ApplicationStatus.class);
    targets.forEach((no, status) -> byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(no));
    byStatus.forEach((status, nos) -> jdbc.sql("update application set status = ?, updated_at = now()"
            + " where application_no = any(?)")
        .params(status.name(), nos.toArray(String[]::new)).update());
  }

  Map<String, Long> recordEvents(Map<String, ApplicationStatus> targets, Instant at, String step, String actor) {
    List<String> nos = new ArrayList<>(targets.keySet());
    String[] statuses = nos.stream().map(no -> targets.get(no).name()).toArray(String[]::new);
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("""
        insert into application_event (application_no, occurred_at, step, status, actor)
        select t.no, ?, ?, t.status, ? from unnest(?::varchar[], ?::varchar[]) as t(no, status)
        returning application_no, id
        """).params(Timestamp.from(at), step, actor, nos.toArray(String[]::new), statuses)
        .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
    return ids;
  }

  public void updateAmount(String applicationNo, BigDecimal amount, String detail) {
    jdbc.sql("update application set amount = ?, amount_detail = ?, updated_at = now() where application_no = ?")
        .params(amount, detail, applicationNo).update();
  }

  public void updateNotice(String applicationNo, Instant startsAt, Instant endsAt) {
    jdbc.sql("update application set notice_starts_at = ?, notice_ends_at = ?, updated_at = now()"
            + " where application_no = ?")
        .params(Timestamp.from(startsAt), Timestamp.from(endsAt), applicationNo).update();
  }

  public void updateAccount(String applicationNo, String bank, String accountNumber) {
    jdbc.sql("update application set bank = ?, account_number = ?, updated_at = now() where application_no = ?")
        .params(bank, accountNumber, applicationNo).update();
  }

  public List<Reason> reasons(String applicationNo) {
    return jdbc.sql("select rule, message from application_reason where application_no = ? order by position")
        .param(applicationNo).query(RecordRows.of(Reason.class)).list();
  }

  public void replaceReasons(String applicationNo, List<Reason> reasons) {
    jdbc.sql("delete from application_reason where application_no = ?").param(applicationNo).update();
    for (int i = 0; i < reasons.size(); i++) {
      jdbc.sql("insert into application_reason (application_no, position, rule, message) values (?, ?, ?, ?)")
          .params(applicationNo, i + 1, reasons.get(i).rule(), reasons.get(i).message()).update();
    }
  }

  public List<ApplicationEvent> history(String applicationNo) {
    return jdbc.sql("select occurred_at, step, status, actor, decision, comment from application_event"
            + " where application_no = ? order by id")
        .param(applicationNo).query(RecordRows.of(ApplicationEvent.class)).list();
  }

  long recordEvent(String applicationNo, Instant at, String step, ApplicationStatus status, String actor,
      String decision, String comment) {
    return jdbc.sql("insert into application_event (application_no, occurred_at, step, status, actor, decision,"
            + " comment) values (?, ?, ?, ?, ?, ?, ?) returning id")
        .params(applicationNo, Timestamp.from(at), step, text(status == null ? null : status.name()), text(actor),
            text(decision), text(comment))
        .query(Long.class).single();
  }

  /**
   * A text parameter that may be null, bound as text either way: bound as an untyped null (Spring's choice
   * for PostgreSQL) it changes the statement's parameter types from one call to the next, and the driver
   * prepares the statement again each time it flips (10 plans for the 10 events of an application).
   */
  private static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }
}
