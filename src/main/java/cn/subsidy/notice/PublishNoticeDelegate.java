package cn.subsidy.notice;

import cn.subsidy.application.Applications;
import cn.subsidy.calendar.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${publishNotice}} (公示): puts the application on its county's public notice list until the end
 * of the notice period, which the model's timer waits for ({@code noticeEndsAt}).
 */
@Component("publishNotice")
class PublishNoticeDelegate implements JavaDelegate {

  private final Applications applications;
  private final Deadlines deadlines;
  private final Clock clock;

  PublishNoticeDelegate(Applications applications, Deadlines deadlines, Clock clock) {
    this.applications = applications;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant start = clock.instant();
    Date end = deadlines.due("public-notice");
    applications.updateNotice(execution.getProcessBusinessKey(), start, end.toInstant());
    execution.setVariable("noticeEndsAt", end);
  }
}
