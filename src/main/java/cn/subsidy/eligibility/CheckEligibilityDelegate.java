package cn.subsidy.eligibility;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${checkEligibility}}: runs the automatic check and tells the model whether the application is eligible. */
@Component("checkEligibility")
class CheckEligibilityDelegate implements JavaDelegate {

  private final EligibilityCheck check;

  CheckEligibilityDelegate(EligibilityCheck check) {
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("eligible", check.check(execution.getProcessBusinessKey()).eligible());
  }
}
