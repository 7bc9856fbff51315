package cn.subsidy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests: real requests to the running application, as any client sends them. */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  /** A response: status, headers and body, with the body parsed as JSON on demand. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final String baseUrl;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final CookieManager cookies;
  private final HttpClient client;

  private Http(String baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new CookieManager();
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  private Http(Http shared) {
    this.baseUrl = shared.baseUrl;
    this.cookies = shared.cookies;
    this.client = shared.client;
    this.headers.putAll(shared.headers);
  }

  public static Http anonymous(int port) {
    return new Http("http://localhost:" + port);
  }

  public static Http as(int port, String user, String password) {
    return anonymous(port).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * This client's connections (and cookies) with one more header, leaving this one as it is: for many
   * callers of one client, where a new client each would open a connection and a thread of its own.
   */
  public Http with(String name, String value) {
    return new Http(this).header(name, value);
  }

  public Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  public Response postJson(String path, Object body) {
    String text = body instanceof String s ? s : write(body);
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  public Response putJson(String path, Object body) {
    String text = body instanceof String s ? s : write(body);
    return send(builder(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(text)));
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response postForm(String path, Map<String, String> form) {
    StringBuilder encoded = new StringBuilder();
    form.forEach((k, v) -> encoded.append(encoded.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())));
  }

  /** Multipart upload of one file in the part {@code file}. */
  public Response upload(String path, String fileName, String contentType, byte[] content) {
    String boundary = "----subsidy-test-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return post(path, "multipart/form-data; boundary=" + boundary, body);
  }

  /** Logs into a Camunda webapp the way the browser does; afterwards requests carry the session. */
  public Response loginToWebapp(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    Response login = postForm("/camunda/api/admin/auth/user/default/login/" + app,
        Map.of("username", user, "password", password));
    // Logging in starts a new session; its CSRF token comes with the next read, as in the browser.
    get("/camunda/api/admin/auth/user/default");
    return login;
  }

  public static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    headers.forEach(builder::header);
    // The webapps' CSRF protection wants its cookie echoed in a header, as the browser apps do.
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
