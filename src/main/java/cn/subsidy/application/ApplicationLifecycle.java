package cn.subsidy.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves applications from status to status and keeps their history: every change and every decision
 * is recorded with who, when and the comment.
 */
@Service
public class ApplicationLifecycle {

  /** The actor of steps nobody in particular took (timers, automatic checks). */
  public static final String SYSTEM = "system";

  private final Applications applications;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApplicationLifecycle(Applications applications, ApplicationEventPublisher events, Clock clock) {
    this.applications = applications;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Sets the status and records the step. The application's row is locked for the rest of the
   * transaction, so that two steps of one application never interleave.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void changeStatus(String applicationNo, ApplicationStatus status, String step, String actor) {
    Application application = applications.findForUpdate(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationNo));
    applications.updateStatus(applicationNo, status);
    long eventId = record(applicationNo, step, status, actor, null, null);
    events.publishEvent(new StatusChanged(applicationNo, application.status(), status, eventId));
  }

  /**
   * Moves many applications to one status at once (a payment batch, a bank result file): two statements
   * instead of one round-trip per application, the same history and the same events.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void changeStatuses(Map<String, ApplicationStatus> targets, String step, String actor) {
    if (targets.isEmpty()) {
      return;
    }
    Map<String, ApplicationStatus> before = applications.statusesForUpdate(targets.keySet());
    applications.updateStatuses(targets);
    Map<String, Long> eventIds = applications.recordEvents(targets, clock.instant(), step, actor);
    targets.forEach((applicationNo, status) -> events.publishEvent(
        new StatusChanged(applicationNo, before.get(applicationNo), status, eventIds.get(applicationNo))));
  }

  /** Records a decision or another step without changing the status; returns the history entry's id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long recordDecision(String applicationNo, String step, String actor, String decision, String comment) {
    return record(applicationNo, step, null, actor, decision, comment);
  }

  /** Records why the application is rejected: every failed rule, or the officials' reason. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void setReasons(String applicationNo, List<Reason> reasons) {
    applications.replaceReasons(applicationNo, reasons);
  }

  private long record(String applicationNo, String step, ApplicationStatus status, String actor, String decision,
      String comment) {
    return applications.recordEvent(applicationNo, clock.instant(), step, status, actor, decision, comment);
  }
}
