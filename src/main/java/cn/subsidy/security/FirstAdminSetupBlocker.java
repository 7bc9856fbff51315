package cn.subsidy.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps let an anonymous visitor create the first administrator whenever {@code camunda-admin}
 * has no direct member. This product always configures its administrator, so the setup endpoint has
 * no legitimate use and is closed outright (see also {@link AdminGroupGuard}).
 */
class FirstAdminSetupBlocker extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"The administrator is configured by the"
        + " application; anonymous setup is disabled.\"}");
  }
}
