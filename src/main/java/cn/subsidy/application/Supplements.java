package cn.subsidy.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The county's supplement requests (补正) per application, and the applicants' answers. */
@Repository
public class Supplements {

  /** One request: its round, every item, and the answer once given. */
  public record SupplementRequest(int round, List<String> items, Instant requestedAt, String requestedBy,
      Instant answeredAt, String answerNote) {}

  private final JdbcClient jdbc;

  Supplements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void request(String applicationNo, List<String> items, Instant at, String by) {
    jdbc.sql("""
        insert into supplement_request (application_no, round, items, requested_at, requested_by)
        values (?, (select coalesce(max(round), 0) + 1 from supplement_request where application_no = ?), ?, ?, ?)
        """).params(applicationNo, applicationNo, String.join("\n", items), Timestamp.from(at), by).update();
  }

  public Optional<SupplementRequest> latest(String applicationNo) {
    return jdbc.sql("select round, items, requested_at, requested_by, answered_at, answer_note from supplement_request"
            + " where application_no = ? order by round desc limit 1")
        .param(applicationNo)
        .query((rs, n) -> new SupplementRequest(rs.getInt("round"), rs.getString("items").lines().toList(),
            rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
            rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
            rs.getString("answer_note")))
        .optional();
  }

  /** Marks the open request answered; false if there is none open. */
  boolean answer(String applicationNo, int round, Instant at, String note) {
    return jdbc.sql("update supplement_request set answered_at = ?, answer_note = ? where application_no = ?"
            + " and round = ? and answered_at is null")
        .params(Timestamp.from(at), note, applicationNo, round).update() == 1;
  }
}
