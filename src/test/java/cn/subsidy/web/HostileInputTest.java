package cn.subsidy.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fuzzing the public endpoints with generated malformed and hostile requests (wrong types, missing
 * fields, huge strings, invalid UTF-8, oversized and mislabelled uploads, script and SQL fragments,
 * other people's application numbers): never a 5xx, nothing stored, nobody else's data in an answer.
 * The generator is seeded, so a failure repeats.
 */
@IntegrationTest
class HostileInputTest {

  private static final long SEED = 20261123L;
  /** Rows only a request can create (the engine's jobs of other tests may add events and mails meanwhile). */
  private static final List<String> TABLES = List.of("application", "document", "objection", "supplement_request",
      "transport_claim", "training_claim", "payment_instruction");
  private static final List<Object> HOSTILE = List.of("", " ", "<script>alert(1)</script>", "' or '1'='1",
      "'); drop table application; --", "${7*7}", "#{7*7}", "../../etc/passwd", "\u0000", "\uD83D\uDE00",
      "x".repeat(100_000), 12, -1, 3.5, true, List.of(), List.of("a"), Map.of(), Map.of("$ne", 1),
      "9999-99-99", "2026-02-30", "NaN", "110105194912310021");

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcClient jdbc;

  @Test
  void aThousandHostileRequestsGetNoServerErrorStoreNothingAndLeakNothing() {
    journeys.on(port);
    RegistryEntry victim = journeys.newPerson("520181");
    String victimNo = journeys.submit(Journeys.transport(victim, LocalDate.now(Journeys.BEIJING).minusMonths(5),
        "OTHER_PROVINCE"));
    journeys.awaitStatus(victimNo, ApplicationStatus.UNDER_REVIEW);
    RegistryEntry attacker = journeys.newPerson("532527");
    Map<String, Long> before = counts(victimNo);

    Random random = new Random(SEED);
    List<Supplier<Probe>> generators = generators(random, victim, victimNo, attacker);
    List<String> problems = new ArrayList<>();
    int sent = 0;
    for (; sent < 1200; sent++) {
      Probe probe = generators.get(random.nextInt(generators.size())).get();
      Http.Response response = probe.send().get();
      if (response.status() >= 500) {
        problems.add(probe.what() + " -> " + response.status() + " " + abbreviate(response.body()));
      }
      if (response.body() != null && (response.body().contains(victim.idNumber()) || response.body()
          .contains(victim.name()))) {
        problems.add(probe.what() + " -> shows the victim's data: " + abbreviate(response.body()));
      }
    }
    assertThat(problems).as("after %d hostile requests", sent).isEmpty();
    assertThat(counts(victimNo)).as("nothing stored").isEqualTo(before);
  }

  /** One request and what it was, for the failure message. */
  record Probe(String what, Supplier<Http.Response> send) {}

  private List<Supplier<Probe>> generators(Random random, RegistryEntry victim, String victimNo, RegistryEntry attacker) {
    Http anonymous = Http.anonymous(port);
    Http asAttacker = Http.anonymous(port).header("X-Id-Number", attacker.idNumber());
    List<String> numbers = List.of(victimNo, victimNo.substring(0, 12) + "999999", "532527-2026-' or 1=1",
        "%2e%2e%2f%2e%2e%2f", "x".repeat(300), "", "<svg onload=alert(1)>");
    return List.of(
        () -> {
          Map<String, Object> body = brokenApplication(random, attacker);
          return new Probe("POST /api/applications " + abbreviate(Http.write(body)),
              () -> anonymous.postJson("/api/applications", body));
        },
        () -> {
          byte[] bytes = invalidUtf8(random);
          return new Probe("POST /api/applications invalid UTF-8",
              () -> anonymous.post("/api/applications", "application/json", bytes));
        },
        () -> {
          String text = pick(random, HOSTILE).toString();
          return new Probe("POST /api/applications text " + abbreviate(text),
              () -> anonymous.post("/api/applications", pick(random, List.of("application/json", "text/plain",
                  "application/xml", "multipart/form-data")), text.getBytes(StandardCharsets.UTF_8)));
        },
        () -> {
          String no = pick(random, numbers);
          return new Probe("GET /api/applications/" + abbreviate(no) + " as someone else",
              () -> asAttacker.get("/api/applications/" + encode(no)));
        },
        () -> {
          String no = pick(random, numbers);
          return new Probe("GET documents of " + abbreviate(no), () -> asAttacker.get("/api/applications/"
              + encode(no) + "/documents/" + pick(random, List.of("1", "-1", "abc", "00000000-0000-0000-0000-000000000000"))));
        },
        () -> {
          byte[] content = pick(random, List.of("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
              new byte[0], Arrays.copyOf("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 10 * 1024 * 1024 + 10),
              "MZ\u0090\u0000 executable".getBytes(StandardCharsets.ISO_8859_1), "GIF89a".getBytes(StandardCharsets.US_ASCII)));
          String no = pick(random, numbers);
          return new Probe("upload " + content.length + " bytes to " + abbreviate(no), () -> asAttacker.upload(
              "/api/applications/" + encode(no) + "/documents?kind=" + pick(random, List.of("ID_CARD", "x", "'")),
              pick(random, List.of("a.pdf", "../../x.pdf", "a.png", "\u0000.jpg")), pick(random, List.of(
                  "application/pdf", "image/png", "text/html")), content));
        },
        () -> {
          String no = pick(random, numbers);
          Object note = pick(random, HOSTILE);
          return new Probe("supplement of " + abbreviate(no), () -> asAttacker.postJson("/api/applications/"
              + encode(no) + "/supplement", Map.of("note", note)));
        },
        () -> {
          String no = pick(random, numbers);
          Map<String, Object> account = new LinkedHashMap<>();
          account.put("bank", pick(random, HOSTILE));
          account.put("number", pick(random, HOSTILE));
          return new Probe("account of " + abbreviate(no), () -> asAttacker.putJson("/api/applications/"
              + encode(no) + "/account", account));
        },
        () -> {
          String no = pick(random, numbers);
          Object reason = pick(random, HOSTILE);
          return new Probe("objection to " + abbreviate(no) + " " + abbreviate(String.valueOf(reason)),
              () -> anonymous.postJson("/api/applications/" + encode(no) + "/objections", Map.of("reason", reason)));
        },
        () -> {
          String county = pick(random, List.of("", "53252", "999999", "' or 1=1", "532527;drop", "x".repeat(5000)));
          return new Probe("notices of " + abbreviate(county), () -> anonymous.get("/api/notices?countyCode="
              + encode(county)));
        });
  }

  /**
   * A complete application without the applicant's pledge (so it is never well-formed) and one to three
   * more fields broken: a wrong type, missing, or a hostile value.
   */
  private static Map<String, Object> brokenApplication(Random random, RegistryEntry attacker) {
    Map<String, Object> body = Journeys.transport(attacker, LocalDate.now(Journeys.BEIJING).minusMonths(5),
        "OTHER_PROVINCE");
    Object pledge = random.nextBoolean() ? null : pick(random, HOSTILE);
    if (pledge == null || Boolean.TRUE.equals(pledge)) {
      body.remove("pledge");
    } else {
      body.put("pledge", pledge);
    }
    List<String[]> paths = List.of(new String[] {"type"}, new String[] {"countyCode"},
        new String[] {"applicant", "idNumber"}, new String[] {"applicant", "name"}, new String[] {"applicant", "email"},
        new String[] {"applicant", "phone"}, new String[] {"account"}, new String[] {"transport", "year"},
        new String[] {"transport", "band"}, new String[] {"transport", "employmentStart"},
        new String[] {"transport", "fare"}, new String[] {"transport"}, new String[] {"applicant"});
    int broken = 1 + random.nextInt(3);
    for (int i = 0; i < broken; i++) {
      String[] path = pick(random, paths);
      Map<String, Object> parent = body;
      for (int depth = 0; depth < path.length - 1; depth++) {
        parent = new LinkedHashMap<>(asMap(parent.get(path[depth])));
        body.put(path[depth], parent);
      }
      String field = path[path.length - 1];
      Object value = random.nextInt(4) == 0 ? null : pick(random, HOSTILE);
      if (value == null) {
        parent.remove(field);
      } else {
        parent.put(field, value);
      }
    }
    return body;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
  }

  private static byte[] invalidUtf8(Random random) {
    byte[] prefix = "{\"type\":\"TRANSPORT\",\"applicant\":{\"name\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(prefix, prefix.length + 8);
    for (int i = prefix.length; i < bytes.length; i++) {
      bytes[i] = (byte) (0x80 + random.nextInt(0x40));
    }
    bytes[prefix.length] = (byte) 0xC3;
    return bytes;
  }

  private Map<String, Long> counts(String victimNo) {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
    counts.put("events of the victim's application", jdbc.sql("select count(*) from application_event"
        + " where application_no = ?").param(victimNo).query(Long.class).single());
    return counts;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
