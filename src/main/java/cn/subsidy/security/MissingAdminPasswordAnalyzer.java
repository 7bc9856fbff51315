package cn.subsidy.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refused production start in plain words instead of a stack trace. */
public class MissingAdminPasswordAnalyzer
    extends AbstractFailureAnalyzer<ProductionAdminPasswordCheck.MissingAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure,
      ProductionAdminPasswordCheck.MissingAdminPasswordException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set " + ProductionAdminPasswordCheck.VARIABLE + " to the administrator's password and start again, e.g.\n"
            + "    " + ProductionAdminPasswordCheck.VARIABLE + "='...' java -jar employment-subsidy.jar"
            + " --spring.profiles.active=prod", cause);
  }
}
