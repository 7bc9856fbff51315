package cn.subsidy.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The mails of an application with their state, for the officials' case file (task forms). */
@Component
public class MailLog {

  /** One mail: what it was about, to whom, and whether it went out. */
  public record Entry(String event, String recipient, String subject, String status, Instant createdAt,
      Instant sentAt) {}

  private final MailOutbox outbox;

  MailLog(MailOutbox outbox) {
    this.outbox = outbox;
  }

  public List<Entry> of(String applicationNo) {
    return outbox.ofApplication(applicationNo).stream().map(m -> new Entry(m.event(), m.recipient(), m.subject(),
        m.status(), m.createdAt(), m.sentAt())).toList();
  }
}
