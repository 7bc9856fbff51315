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
 * every call of a client that sends its password each time. The engine a request addresses is this
 * application's own: Camunda looks it up through a {@code ServiceLoader} on every request, which reads
 * the provider file from the application's jar each time (2% of the server's CPU under load).
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

  private final ProcessEngine engine;

  EngineRestAuthentication(VerifiedLogins logins, ProcessEngine engine) {
    this.engine = engine;
    authenticationProvider = new CheckedBasic(logins);
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.getName().equals(engineName) ? engine : super.getAddressedEngine(engineName);
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
