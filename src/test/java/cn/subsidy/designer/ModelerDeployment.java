package cn.subsidy.designer;

import cn.subsidy.support.Http;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request Camunda Modeler 5 sends when a designer clicks "Deploy" (its {@code CamundaAPI.deployDiagram}):
 * {@code POST <endpoint>/deployment/create}, multipart, with the deployment name, the source
 * "Camunda Modeler", duplicate filtering on, the open diagram as {@code text/xml} and each additional
 * file the designer selected as an untyped part.
 */
final class ModelerDeployment {

  private final String name;
  private final Map<String, byte[]> diagram = new LinkedHashMap<>();
  private final Map<String, byte[]> attachments = new LinkedHashMap<>();

  ModelerDeployment(String name) {
    this.name = name;
  }

  ModelerDeployment diagram(String fileName, String content) {
    diagram.put(fileName, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  ModelerDeployment attach(String fileName, String content) {
    attachments.put(fileName, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Http.Response deploy(Http client) {
    String boundary = "----ModelerFormBoundary" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", name);
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "enable-duplicate-filtering", "true");
    diagram.forEach((file, bytes) -> file(body, boundary, file, "text/xml", bytes));
    attachments.forEach((file, bytes) -> file(body, boundary, file, "application/octet-stream", bytes));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
        + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void file(ByteArrayOutputStream body, String boundary, String file, String type, byte[] bytes) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file + "\"; filename=\"" + file
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
