package cn.subsidy.notice;

import cn.subsidy.database.RecordRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Objections raised during public notices, and the decisions on them. */
@Repository
public class Objections {

  /** One objection as stored. */
  public record Objection(long id, String applicationNo, String reason, String contact, Instant raisedAt,
      String decision, String decidedBy, Instant decidedAt, String comment) {}

  private final JdbcClient jdbc;

  Objections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long add(String applicationNo, String reason, String contact, Instant at) {
    return jdbc.sql("insert into objection (application_no, reason, contact, raised_at) values (?, ?, ?, ?)"
            + " returning id")
        .params(applicationNo, reason, contact, Timestamp.from(at)).query(Long.class).single();
  }

  public Optional<Objection> find(long id) {
    return jdbc.sql("select * from objection where id = ?").param(id).query(RecordRows.of(Objection.class)).optional();
  }

  public List<Objection> of(String applicationNo) {
    return jdbc.sql("select * from objection where application_no = ? order by id").param(applicationNo)
        .query(RecordRows.of(Objection.class)).list();
  }

  void decide(long id, String decision, String by, Instant at, String comment) {
    jdbc.sql("update objection set decision = ?, decided_by = ?, decided_at = ?, comment = ? where id = ?")
        .params(decision, by, Timestamp.from(at), comment, id).update();
  }
}
