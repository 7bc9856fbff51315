package cn.subsidy.notification;

import cn.subsidy.application.ApplicationReader;
import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Staff;
import cn.subsidy.web.ConflictException;
import cn.subsidy.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mails of an application, for the officials who may see it; administrators resend failed ones. */
@RestController
class NotificationController {

  /** A mail as officials see it. */
  record Notification(long id, String to, String subject, String event, String status, Instant createdAt,
      Instant sentAt, int attempts, String lastError) {}

  private final MailOutbox outbox;
  private final ApplicationReader reader;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NotificationController(MailOutbox outbox, ApplicationReader reader, ApplicationEventPublisher events, Clock clock) {
    this.outbox = outbox;
    this.reader = reader;
    this.events = events;
    this.clock = clock;
  }

  @GetMapping("/api/notifications")
  List<Notification> notifications(@RequestParam("applicationNo") String applicationNo, Staff staff) {
    reader.forStaff(applicationNo, staff);
    return outbox.ofApplication(applicationNo).stream().map(m -> new Notification(m.id(), m.recipient(), m.subject(),
        m.event(), m.status(), m.createdAt(), m.sentAt(), m.attempts(), m.lastError())).toList();
  }

  @PostMapping("/api/notifications/{id}/resend")
  @Transactional
  Map<String, Object> resend(@PathVariable long id, Staff staff) {
    if (!staff.isAdmin()) {
      throw new AccessDeniedException("只有管理员可以重新发送邮件 / Only administrators may resend mails.");
    }
    MailOutbox.Mail mail = outbox.find(id).orElseThrow(() -> new NotFoundException("没有这封邮件 / No such mail."));
    if (!outbox.resend(id, clock.instant())) {
      throw new ConflictException("只能重新发送失败的邮件（当前为 " + mail.status() + "）/ Only failed mails can be resent"
          + " (this one is " + mail.status() + ").");
    }
    events.publishEvent(new MailSender.Queued());
    return Map.of("id", id, "status", "PENDING");
  }
}
