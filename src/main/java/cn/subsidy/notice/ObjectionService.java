package cn.subsidy.notice;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.application.Applications;
import cn.subsidy.notification.OfficialsAlert;
import cn.subsidy.security.Role;
import cn.subsidy.web.ConflictException;
import cn.subsidy.web.InvalidRequestException;
import cn.subsidy.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections (异议) during the public notice: anyone may raise one while the notice runs; the county's
 * reviewers decide on it in {@code Task_HandleObjection}. An objection after the notice ended is
 * refused and changes nothing.
 */
@Service
class ObjectionService {

  static final String MESSAGE = "ObjectionRaised";

  private final Applications applications;
  private final Objections objections;
  private final ApplicationLifecycle lifecycle;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ObjectionService(Applications applications, Objections objections, ApplicationLifecycle lifecycle,
      RuntimeService runtimeService, ApplicationEventPublisher events, Clock clock) {
    this.applications = applications;
    this.objections = objections;
    this.lifecycle = lifecycle;
    this.runtimeService = runtimeService;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  long raise(String applicationNo, String reason, String contact) {
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw new InvalidRequestException("reason", "请写明异议的理由（不超过2000字）/ Give the objection's reason (at most"
          + " 2000 characters).");
    }
    Application application = applications.findForUpdate(applicationNo)
        .orElseThrow(() -> new NotFoundException("没有这个申请 / No such application."));
    Instant now = clock.instant();
    if (application.status() != ApplicationStatus.PUBLIC_NOTICE || application.noticeEndsAt() == null
        || !now.isBefore(application.noticeEndsAt())) {
      throw new ConflictException("该申请不在公示期内，不能再提出异议" + (application.noticeEndsAt() == null ? ""
          : "（公示已于" + application.noticeEndsAt() + "结束）") + " / The application is not in its public notice;"
          + " objections are no longer accepted.");
    }
    String contactText = contact == null || contact.isBlank() ? null : contact.strip();
    long id = objections.add(applicationNo, text, contactText == null ? null
        : contactText.substring(0, Math.min(100, contactText.length())), now);
    long occurrence = lifecycle.recordDecision(applicationNo, "OBJECTION_RAISED", "public", null, text);
    runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(applicationNo)
        .setVariableLocal("objectionId", id).correlateWithResult();
    events.publishEvent(new OfficialsAlert(applicationNo, OfficialsAlert.Kind.OBJECTION_RECEIVED,
        Role.REVIEWER.group(application.countyCode()), text, occurrence));
    return id;
  }
}
