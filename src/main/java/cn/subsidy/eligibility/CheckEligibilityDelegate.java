package cn.subsidy.eligibility;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkEligibility}}: runs the automatic check and tells the model whether the application is
 * eligible ({@code eligible}) and, for the decision tables, the person's registry category
 * ({@code category}: ALLEVIATED or MONITORED).
 */
@Component("checkEligibility")
class CheckEligibilityDelegate implements JavaDelegate {

  private final EligibilityCheck check;

  CheckEligibilityDelegate(EligibilityCheck check) {
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EligibilityCheck.Result result = check.check(execution.getProcessBusinessKey());
    execution.setVariable("eligible", result.eligible());
    result.category().ifPresent(category -> execution.setVariable("category", category.name()));
  }
}
