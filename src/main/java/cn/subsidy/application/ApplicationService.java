package cn.subsidy.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission (step 1 of the policy): a well-formed application gets its number, is stored and starts
 * its process, all in one transaction. The process's first step is asynchronous, so the submission is
 * committed before anything else happens and nothing accepted is ever lost.
 */
@Service
public class ApplicationService {

  /** What the applicant is told right away. */
  public record Submitted(String applicationNo, ApplicationStatus status) {}

  private final ApplicationValidator validator;
  private final ApplicationNumbers numbers;
  private final Applications applications;
  private final ApplicationLifecycle lifecycle;
  private final RuntimeService runtimeService;
  private final Clock clock;

  ApplicationService(ApplicationValidator validator, ApplicationNumbers numbers, Applications applications,
      ApplicationLifecycle lifecycle, RuntimeService runtimeService, Clock clock) {
    this.validator = validator;
    this.numbers = numbers;
    this.applications = applications;
    this.lifecycle = lifecycle;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  @Transactional
  public Submitted submit(ApplicationRequest request, Channel channel, String filedBy) {
    NewApplication application = validator.validate(request, channel, filedBy);
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    String applicationNo = numbers.next(application.countyCode(), today.getYear());
    applications.insert(applicationNo, application, now, today, ApplicationStatus.SUBMITTED);
    lifecycle.changeStatus(applicationNo, ApplicationStatus.SUBMITTED, "SUBMITTED",
        filedBy == null ? "applicant" : filedBy);
    runtimeService.startProcessInstanceByKey(application.type().processKey(), applicationNo,
        variables(applicationNo, application));
    return new Submitted(applicationNo, ApplicationStatus.SUBMITTED);
  }

  /** Small typed values the models route and decide on; the application itself stays in its table. */
  private static Map<String, Object> variables(String applicationNo, NewApplication a) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationNo", applicationNo);
    variables.put("type", a.type().name());
    variables.put("countyCode", a.countyCode());
    variables.put("provinceCode", a.countyCode().substring(0, 2));
    variables.put("applicantName", a.name());
    if (a.training() != null) {
      variables.put("level", a.training().level().name());
      variables.put("occupation", a.training().occupation());
    }
    if (a.transport() != null) {
      variables.put("band", a.transport().band().name());
    }
    return variables;
  }
}
