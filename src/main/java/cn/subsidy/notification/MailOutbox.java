package cn.subsidy.notification;

import cn.subsidy.database.RecordRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail outbox table. */
@Repository
class MailOutbox {

  /** A mail to queue. */
  record NewMail(String dedupKey, String applicationNo, MailEvent event, String recipient,
      MailTemplates.Rendered content) {}

  /** A queued mail. */
  record Mail(long id, String applicationNo, String event, String recipient, String subject, String bodyText,
      String bodyHtml, String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  MailOutbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  /** Queues mails; one already queued under the same key is not queued again. */
  void add(List<NewMail> mails, Instant now) {
    jdbcTemplate.batchUpdate("""
        insert into mail_outbox (dedup_key, application_no, event, recipient, subject, body_text, body_html, status,
          next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
        on conflict (dedup_key) do nothing
        """, mails, 1000, (ps, m) -> {
          ps.setString(1, m.dedupKey());
          ps.setString(2, m.applicationNo());
          ps.setString(3, m.event().name());
          ps.setString(4, m.recipient());
          ps.setString(5, m.content().subject());
          ps.setString(6, m.content().text());
          ps.setString(7, m.content().html());
          ps.setTimestamp(8, Timestamp.from(now));
          ps.setTimestamp(9, Timestamp.from(now));
        });
  }

  /** The next mail that is due, locked; another server skips it. */
  Optional<Mail> claimDue(Instant now) {
    return jdbc.sql("select id, application_no, event, recipient, subject, body_text, body_html, status, attempts,"
            + " last_error, created_at, sent_at from mail_outbox where status = 'PENDING' and next_attempt_at <= ?"
            + " order by next_attempt_at, id limit 1 for update skip locked")
        .param(Timestamp.from(now)).query(RecordRows.of(Mail.class)).optional();
  }

  void sent(long id, Instant at) {
    jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null"
        + " where id = ?").params(Timestamp.from(at), id).update();
  }

  void failed(long id, String error, Instant retryAt, boolean giveUp) {
    jdbc.sql("update mail_outbox set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            + " where id = ?")
        .params(giveUp ? "FAILED" : "PENDING", error, Timestamp.from(retryAt), id).update();
  }

  List<Mail> ofApplication(String applicationNo) {
    return jdbc.sql("select id, application_no, event, recipient, subject, body_text, body_html, status, attempts,"
            + " last_error, created_at, sent_at from mail_outbox where application_no = ? order by id")
        .param(applicationNo).query(RecordRows.of(Mail.class)).list();
  }

  Optional<Mail> find(long id) {
    return jdbc.sql("select id, application_no, event, recipient, subject, body_text, body_html, status, attempts,"
            + " last_error, created_at, sent_at from mail_outbox where id = ?").param(id).query(RecordRows.of(Mail.class)).optional();
  }

  /** An administrator sends a failed mail again. */
  boolean resend(long id, Instant now) {
    return jdbc.sql("update mail_outbox set status = 'PENDING', next_attempt_at = ?, attempts = 0 where id = ?"
        + " and status = 'FAILED'").params(Timestamp.from(now), id).update() == 1;
  }
}
