package cn.subsidy.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates the Camunda 7.24 flaw that evaluates expressions inside {@code orQueries} of task queries
 * although ad-hoc query expressions are disabled ({@code TaskQueryImpl.or()} builds its or-queries
 * without the validator). Any {@code ...Expression} inside {@code orQueries}, as a query parameter or
 * anywhere in a JSON body, is refused with 400 before Camunda sees it.
 */
class OrQueryExpressionFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OR_QUERIES = "orQueries";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (hasExpressionParameter(request)) {
      reject(response);
      return;
    }
    if (!isJson(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = new CachedBodyRequest(request);
    if (containsOrQueryExpression(cached.body())) {
      reject(response);
      return;
    }
    chain.doFilter(cached, response);
  }

  /** Looks at the query string only: reading form parameters would consume a login form's body. */
  private static boolean hasExpressionParameter(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
      if (name.contains(OR_QUERIES) && name.endsWith("Expression")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().contains("json");
  }

  static boolean containsOrQueryExpression(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      return containsOrQueryExpression(JSON.readTree(body), false);
    } catch (JsonProcessingException malformed) {
      return false; // Camunda answers malformed JSON itself
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean containsOrQueryExpression(JsonNode node, boolean insideOrQueries) {
    if (node == null) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsOrQueryExpression(element, insideOrQueries)) {
          return true;
        }
      }
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (insideOrQueries && field.getKey().endsWith("Expression")) {
        return true;
      }
      if (containsOrQueryExpression(field.getValue(), insideOrQueries || OR_QUERIES.equals(field.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private static void reject(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"InvalidRequestException\","
        + "\"message\":\"Expressions are not allowed in orQueries.\"}");
  }
}
