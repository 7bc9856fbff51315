package cn.subsidy.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Errors written by filters, before Spring MVC's error handling is reached. */
final class ApiErrors {

  private ApiErrors() {}

  static void unauthorized(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"employment-subsidy\", charset=\"UTF-8\"");
    write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
  }

  static void forbidden(HttpServletResponse response, String detail) throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
  }

  private static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
  }
}
