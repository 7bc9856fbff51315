package cn.subsidy.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without an administrator password from the environment
 * ({@code SUBSIDY_ADMIN_PASSWORD}), before anything else happens; see {@link MissingAdminPasswordAnalyzer}.
 */
public class ProductionAdminPasswordCheck implements EnvironmentPostProcessor, Ordered {

  static final String VARIABLE = "SUBSIDY_ADMIN_PASSWORD";
  static final int MINIMUM_LENGTH = 8;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank() || password.length() < MINIMUM_LENGTH || password.equals("demo")) {
      throw new MissingAdminPasswordException();
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The reason the production start was refused. */
  public static class MissingAdminPasswordException extends IllegalStateException {
    MissingAdminPasswordException() {
      super("The prod profile needs the administrator password in the environment variable " + VARIABLE
          + " (at least " + MINIMUM_LENGTH + " characters, not the demo password).");
    }
  }
}
