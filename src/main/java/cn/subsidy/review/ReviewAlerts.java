package cn.subsidy.review;

import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.notification.OfficialsAlert;
import cn.subsidy.security.Role;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The county review's deadline alerts: {@code ${remindReviewers}} reminds the county's reviewers,
 * {@code ${alertSupervisor}} alerts the county's supervisors that a review (or an objection) is late.
 */
@Configuration(proxyBeanMethods = false)
class ReviewAlerts {

  @Bean
  JavaDelegate remindReviewers(ApplicationEventPublisher events, ApplicationLifecycle lifecycle) {
    return execution -> alert(execution, events, lifecycle, OfficialsAlert.Kind.REVIEW_REMINDER, Role.REVIEWER);
  }

  @Bean
  JavaDelegate alertSupervisor(ApplicationEventPublisher events, ApplicationLifecycle lifecycle) {
    return execution -> alert(execution, events, lifecycle,
        execution.getCurrentActivityId() != null && execution.getCurrentActivityId().contains("Objection")
            ? OfficialsAlert.Kind.OBJECTION_OVERDUE : OfficialsAlert.Kind.SUPERVISOR_ALERT,
        Role.SUPERVISOR);
  }

  private static void alert(DelegateExecution execution, ApplicationEventPublisher events,
      ApplicationLifecycle lifecycle, OfficialsAlert.Kind kind, Role role) {
    String applicationNo = execution.getProcessBusinessKey();
    String group = role.group((String) execution.getVariable("countyCode"));
    long occurrence = lifecycle.recordDecision(applicationNo, kind.name(), ApplicationLifecycle.SYSTEM, null,
        "→ " + group);
    events.publishEvent(new OfficialsAlert(applicationNo, kind, group, null, occurrence));
  }
}
