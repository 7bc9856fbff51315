package cn.subsidy.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health (with liveness and readiness) and Prometheus metrics are open for load balancers and
 * monitoring; every other actuator endpoint needs an administrator.
 */
class ActuatorGuardFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/")
        || path.equals("/actuator/prometheus") || path.equals("/actuator/info");
    if (open) {
      chain.doFilter(request, response);
      return;
    }
    Staff staff = (Staff) request.getAttribute(StaffAuthenticationFilter.ATTRIBUTE);
    if (staff == null) {
      ApiErrors.unauthorized(response, "需要管理员登录 / An administrator must log in.");
    } else if (!staff.isAdmin()) {
      ApiErrors.forbidden(response, "仅管理员可用 / Only administrators may use this endpoint.");
    } else {
      chain.doFilter(request, response);
    }
  }
}
