package cn.subsidy.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's authentication filter for {@code /engine-rest} with HTTP Basic, checking credentials
 * through {@link VerifiedLogins}: the same answer as Camunda's own provider, without three queries on
 * every call of a client that sends its password each time.
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

  EngineRestAuthentication(VerifiedLogins logins) {
    authenticationProvider = new CheckedBasic(logins);
  }

  @Override
  public void init(FilterConfig config) {
    servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
  }

  private static final class CheckedBasic extends HttpBasicAuthenticationProvider {

    private final VerifiedLogins logins;

    CheckedBasic(VerifiedLogins logins) {
      this.logins = logins;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      return VerifiedLogins.basicCredentials(request.getHeader("Authorization")).flatMap(logins::basic).map(login -> {
        AuthenticationResult result = AuthenticationResult.successful(login.userId());
        result.setGroups(login.groupIds());
        result.setTenants(login.tenantIds());
        return result;
      }).orElseGet(AuthenticationResult::unsuccessful);
    }
  }
}
