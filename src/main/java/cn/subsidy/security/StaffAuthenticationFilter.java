package cn.subsidy.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates officials on the product's own endpoints with the same users as {@code /engine-rest}:
 * HTTP Basic, or the session of someone logged into Tasklist (so that links in a task form open
 * documents, and the officials' pages work without a second login). A session may read; it may change
 * something only with the header {@code X-Requested-With}, which a page of another site cannot send,
 * so a forged cross-site form gets nowhere. Wrong credentials are refused at once; no credentials
 * leave the request anonymous, and endpoints that need an official say so by taking a {@link Staff}
 * parameter.
 */
class StaffAuthenticationFilter extends OncePerRequestFilter {

  static final String ATTRIBUTE = Staff.ATTRIBUTE;
  /** Sent by the officials' own pages; cross-site forms cannot send it. */
  static final String SAME_ORIGIN_HEADER = "X-Requested-With";
  private static final String ENGINE = "default";

  private final VerifiedLogins logins;

  StaffAuthenticationFilter(VerifiedLogins logins) {
    this.logins = logins;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> credentials = VerifiedLogins.basicCredentials(request.getHeader("Authorization"));
    if (credentials.isPresent()) {
      Optional<Staff> staff = logins.basic(credentials.get()).map(login -> Staff.of(login.userId(), login.groupIds()));
      if (staff.isEmpty()) {
        ApiErrors.unauthorized(response, "用户名或密码错误 / Wrong user name or password.");
        return;
      }
      request.setAttribute(ATTRIBUTE, staff.get());
    } else if (isSafe(request) || request.getHeader(SAME_ORIGIN_HEADER) != null) {
      tasklistSession(request).ifPresent(staff -> request.setAttribute(ATTRIBUTE, staff));
    }
    chain.doFilter(request, response);
  }

  private static Optional<Staff> tasklistSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)
        || user.getGroupIds() == null) {
      return Optional.empty();
    }
    return Optional.of(Staff.of(user.getIdentityId(), user.getGroupIds()));
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
