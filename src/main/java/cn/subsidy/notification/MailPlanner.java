package cn.subsidy.notification;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.StatusChanged;
import cn.subsidy.calendar.Deadlines;
import cn.subsidy.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides who is mailed about what, and queues the mails in the outbox in the same transaction as the
 * step that caused them. Mails are composed just before that transaction commits, when everything the
 * step wrote (reasons, items, amounts) is there, and all at once for a step that moves many
 * applications (a bank result file).
 */
@Component
class MailPlanner {

  private static final Logger log = LoggerFactory.getLogger(MailPlanner.class);
  private static final String RESOURCE = MailPlanner.class.getName();

  private final JdbcClient jdbc;
  private final MailTemplates templates;
  private final MailOutbox outbox;
  private final Recipients recipients;
  private final MailSettings settings;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MailPlanner(JdbcClient jdbc, MailTemplates templates, MailOutbox outbox, Recipients recipients, MailSettings settings,
      Deadlines deadlines, WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.templates = templates;
    this.outbox = outbox;
    this.recipients = recipients;
    this.settings = settings;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.events = events;
    this.clock = clock;
  }

  /** What an applicant is mailed about, by the status the application moved to. */
  static Optional<MailEvent> eventFor(StatusChanged change) {
    return Optional.ofNullable(switch (change.to()) {
      case SUBMITTED -> MailEvent.RECEIVED;
      case SUPPLEMENT_REQUIRED -> MailEvent.SUPPLEMENT_REQUIRED;
      case REJECTED -> MailEvent.REJECTED;
      case APPROVED -> change.from() == ApplicationStatus.PAYMENT_FAILED ? null : MailEvent.APPROVED;
      case PAID -> MailEvent.PAID;
      case PAYMENT_FAILED -> MailEvent.PAYMENT_FAILED;
      case WITHDRAWN -> MailEvent.WITHDRAWN;
      default -> null;
    });
  }

  @EventListener
  void onStatusChanged(StatusChanged change) {
    eventFor(change).ifPresent(event -> pending().applicants.add(new ApplicantMail(change, event)));
  }

  @EventListener
  void onOfficialsAlert(OfficialsAlert alert) {
    pending().officials.add(alert);
  }

  private record ApplicantMail(StatusChanged change, MailEvent event) {}

  /** The mails one transaction will queue. */
  private final class Pending implements TransactionSynchronization {
    final List<ApplicantMail> applicants = new ArrayList<>();
    final List<OfficialsAlert> officials = new ArrayList<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      queue(this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
      if (status == STATUS_COMMITTED) {
        events.publishEvent(new MailSender.Queued());
      }
    }
  }

  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Mails are queued within the transaction of the step that causes them");
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(RESOURCE);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(RESOURCE, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    return pending;
  }

  private void queue(Pending pending) {
    List<MailOutbox.NewMail> mails = new ArrayList<>();
    Map<String, Map<String, Object>> models = models(pending.applicants.stream()
        .map(m -> m.change().applicationNo()).distinct().toList());
    for (ApplicantMail mail : pending.applicants) {
      Map<String, Object> model = models.get(mail.change().applicationNo());
      String email = model == null ? null : (String) model.get("email");
      if (email == null || email.isBlank()) {
        continue;
      }
      mails.add(new MailOutbox.NewMail(mail.change().applicationNo() + ":" + mail.event() + ":"
          + mail.change().eventId(), mail.change().applicationNo(), mail.event(), email, render(mail.event(), model)));
    }
    for (OfficialsAlert alert : pending.officials) {
      MailEvent event = MailEvent.valueOf(alert.kind().name());
      Map<String, Object> model = new HashMap<>(models(List.of(alert.applicationNo()))
          .getOrDefault(alert.applicationNo(), Map.of()));
      model.put("detail", alert.detail() == null ? "" : alert.detail());
      for (String email : recipients.ofGroup(alert.groupId())) {
        mails.add(new MailOutbox.NewMail(alert.applicationNo() + ":" + event + ":" + email + ":" + alert.occurrence(),
            alert.applicationNo(), event, email, render(event, model)));
      }
    }
    if (!mails.isEmpty()) {
      outbox.add(mails, clock.instant());
    }
  }

  /** A template that an editor broke must not stop an application: the mail goes out in plain words. */
  private MailTemplates.Rendered render(MailEvent event, Map<String, Object> model) {
    try {
      return templates.render(event, model);
    } catch (RuntimeException e) {
      log.error("Mail template {} cannot be rendered; sending a plain notice instead", event.template(), e);
      String text = "申请 " + model.get("applicationNo") + "：" + event + "\nApplication " + model.get("applicationNo")
          + ": " + event + "\n" + settings.productName();
      return new MailTemplates.Rendered(settings.productName() + " " + model.get("applicationNo") + " " + event, text,
          "<pre>" + text + "</pre>");
    }
  }

  /** Everything the templates say about each application, loaded for all of them at once. */
  private Map<String, Map<String, Object>> models(List<String> applicationNos) {
    Map<String, Map<String, Object>> models = new LinkedHashMap<>();
    if (applicationNos.isEmpty()) {
      return models;
    }
    String[] nos = applicationNos.toArray(String[]::new);
    jdbc.sql("""
        select a.application_no, a.name, a.email, a.type, a.amount, a.amount_detail, c.name as county, c.contact,
               p.failure_reason, s.items, s.requested_at
        from application a join county c on c.code = a.county_code
        left join payment_instruction p on p.application_no = a.application_no
        left join lateral (select items, requested_at from supplement_request r where r.application_no = a.application_no
                           order by round desc limit 1) s on true
        where a.application_no = any(?)
        """).param(nos).query((rs, n) -> {
          Map<String, Object> m = new HashMap<>();
          String no = rs.getString("application_no");
          ApplicationType type = ApplicationType.valueOf(rs.getString("type"));
          m.put("productName", settings.productName());
          m.put("applicationNo", no);
          m.put("applicantName", rs.getString("name"));
          m.put("email", rs.getString("email"));
          m.put("typeText", type.chinese());
          m.put("typeTextEn", type.english());
          m.put("county", rs.getString("county"));
          m.put("countyContact", rs.getString("contact") == null ? rs.getString("county") : rs.getString("contact"));
          BigDecimal amount = rs.getBigDecimal("amount");
          m.put("amount", amount == null ? "" : amount.toPlainString());
          m.put("amountDetail", rs.getString("amount_detail") == null ? "" : rs.getString("amount_detail"));
          m.put("failureReason", rs.getString("failure_reason") == null ? "" : rs.getString("failure_reason"));
          m.put("items", rs.getString("items") == null ? List.of() : rs.getString("items").lines().toList());
          Timestamp requested = rs.getTimestamp("requested_at");
          m.put("deadline", requested == null ? "" : calendar.plusWorkingDays(
              LocalDate.ofInstant(requested.toInstant(), clock.getZone()), deadlines.workingDays("supplement")).toString());
          m.put("lookupUrl", settings.portalUrl() + "/lookup.html?no=" + no);
          m.put("reasons", new ArrayList<String>());
          m.put("reminderDays", deadlines.workingDays("county-review-reminder"));
          m.put("reviewDays", deadlines.workingDays("county-review"));
          m.put("supplementDays", deadlines.workingDays("supplement"));
          m.put("objectionDays", deadlines.workingDays("objection"));
          models.put(no, m);
          return no;
        }).list();
    jdbc.sql("select application_no, message from application_reason where application_no = any(?)"
            + " order by application_no, position")
        .param(nos).query((rs, n) -> {
          @SuppressWarnings("unchecked")
          List<String> reasons = (List<String>) models.get(rs.getString(1)).get("reasons");
          reasons.add(rs.getString(2));
          return null;
        }).list();
    return models;
  }
}
