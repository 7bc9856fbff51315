package cn.subsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/applications} and {@code GET /api/applications/{no}} as applicants and clerks use them. */
@IntegrationTest
class ApplicationApiTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;

  LocalDate today = LocalDate.now(Journeys.BEIJING);

  @BeforeEach
  void on() {
    journeys.on(port);
  }

  long applications() {
    return jdbc.sql("select count(*) from application").query(Long.class).single();
  }

  long processes() {
    return runtimeService.createProcessInstanceQuery().count();
  }

  Http.Response submit(Object body) {
    return Http.anonymous(port).postJson("/api/applications", body);
  }

  Map<String, String> errors(Http.Response response) {
    Map<String, String> errors = new LinkedHashMap<>();
    response.json().get("errors").forEach(e -> errors.merge(e.get("field").asText(), e.get("message").asText(),
        (a, b) -> a + " | " + b));
    return errors;
  }

  @Test
  void aWellFormedApplicationGetsItsNumberAtOnceAndStartsItsProcess() {
    RegistryEntry person = journeys.newPerson("520181");
    Map<String, Object> body = Journeys.transport(person, today.minusMonths(5), "OTHER_PROVINCE");
    Http.Response response = submit(body);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    String no = response.json().get("applicationNo").asText();
    assertThat(no).matches("520181-" + today.getYear() + "-\\d{6}");
    assertThat(response.json().get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(response.header("Location")).isEqualTo("/api/applications/" + no);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no)
        .processDefinitionKey("transportSubsidy").count()).isEqualTo(1);
    journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
  }

  @Test
  void malformedInputNamesEveryProblemAndStoresNothing() {
    long before = applications();
    long processesBefore = processes();
    Http.Response empty = submit(Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
    assertThat(errors(empty)).containsKeys("type", "applicant", "countyCode", "account", "pledge");

    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("type", "TRANSPORT");
    bad.put("applicant", Map.of("idNumber", "110105194912310021", "name", "", "phone", "12345", "email", "zhang@"));
    bad.put("countyCode", "999999");
    bad.put("account", Map.of("bank", "农业银行", "number", "62284800ab"));
    bad.put("pledge", false);
    bad.put("transport", Map.of("year", "2026年", "workProvince", "广东省", "employer", "某厂",
        "employmentStart", "2026-02-30", "band", "ABROAD", "fare", "-3"));
    Http.Response response = submit(bad);
    assertThat(response.status()).isEqualTo(400);
    Map<String, String> errors = errors(response);
    assertThat(errors).containsOnlyKeys("applicant.idNumber", "applicant.name", "applicant.phone", "applicant.email",
        "countyCode", "account.number", "pledge", "transport.year", "transport.employmentStart", "transport.band",
        "transport.fare");
    assertThat(errors.get("applicant.idNumber")).contains("校验位");
    assertThat(errors.get("transport.employmentStart")).contains("2026-02-30");
    assertThat(errors.get("pledge")).contains("承诺书");
    assertThat(applications()).isEqualTo(before);
    assertThat(processes()).isEqualTo(processesBefore);
  }

  @Test
  void trainingDetailsAreCheckedFieldByField() {
    RegistryEntry person = journeys.newPerson("532527");
    Map<String, Object> body = Journeys.training(person, "电工", "EXPERT", today.plusDays(3), 0);
    @SuppressWarnings("unchecked")
    Map<String, Object> training = (Map<String, Object>) body.get("training");
    training.put("trainingDays", "twenty");
    training.put("certificateNo", "");
    Map<String, String> errors = errors(submit(body));
    assertThat(errors).containsOnlyKeys("training.level", "training.certificateNo", "training.certificateDate",
        "training.trainingDays");
    assertThat(errors.get("training.certificateDate")).contains("不能晚于今天");
    body.remove("training");
    assertThat(errors(submit(body))).containsOnlyKeys("training");
  }

  @Test
  void wrongTypesInTheJsonAreNamedToo() {
    Http.Response response = submit("{\"type\":\"TRAINING\",\"applicant\":\"张三\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").toString()).contains("applicant");
    assertThat(submit("{not json").status()).isEqualTo(400);
  }

  @Test
  void lowerCaseXIsAcceptedAndStoredAsX() {
    String first17 = "53252719880808101";
    String id = first17 + cn.subsidy.person.IdNumber.checkCharacter(first17);
    if (!id.endsWith("X")) {
      id = Ids.of("532527", LocalDate.of(1988, 8, 8));
    }
    String lower = id.toLowerCase();
    RegistryEntry person = new RegistryEntry("532527", lower, "何小明", null);
    Http.Response response = submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"));
    assertThat(response.status()).isEqualTo(201);
    String no = response.json().get("applicationNo").asText();
    assertThat(jdbc.sql("select id_number from application where application_no = ?").param(no).query(String.class)
        .single()).isEqualTo(id.toUpperCase());
    assertThat(Http.anonymous(port).header("X-Id-Number", lower).get("/api/applications/" + no).status())
        .isEqualTo(200);
  }

  @Test
  void anUnknownNumberAndAWrongIdentityNumberGetTheSameAnswer() {
    RegistryEntry person = journeys.newPerson("532527");
    String no = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_PROVINCE"));
    Http.Response wrongId = Http.anonymous(port).header("X-Id-Number", Ids.of("532527", LocalDate.of(1980, 1, 1)))
        .get("/api/applications/" + no);
    Http.Response unknown = Http.anonymous(port).header("X-Id-Number", person.idNumber())
        .get("/api/applications/532527-2026-999999");
    Http.Response noHeader = Http.anonymous(port).get("/api/applications/" + no);
    assertThat(List.of(wrongId.status(), unknown.status(), noHeader.status())).containsOnly(404);
    assertThat(wrongId.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertThat(wrongId.body()).doesNotContain(person.name());
  }

  @Test
  void theApplicantSeesStatusHistoryAndWhatToDoButNotWhoDidIt() {
    RegistryEntry person = journeys.newPerson("532527");
    String no = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_PROVINCE"));
    journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    JsonNode view = journeys.status(no, person.idNumber());
    assertThat(view.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(view.get("amount").decimalValue()).isEqualByComparingTo("500");
    assertThat(view.get("history").findValuesAsText("step")).contains("SUBMITTED", "ELIGIBILITY_CHECK", "AMOUNT");
    assertThat(view.get("history").findValues("actor")).isEmpty();
    assertThat(view.get("requiredDocuments").findValuesAsText("kind"))
        .containsExactly("ID_CARD", "EMPLOYMENT_PROOF", "ACCOUNT", "PLEDGE");
    assertThat(view.get("nextStep").asText()).isNotBlank();

    JsonNode official = Http.as(port, "reviewer532527", "demo").get("/api/applications/" + no).json();
    assertThat(official.get("history").findValuesAsText("actor")).contains("system");
    assertThat(Http.as(port, "reviewer520181", "demo").get("/api/applications/" + no).status())
        .as("another county's reviewer").isEqualTo(404);
    assertThat(Http.as(port, "approver53", "demo").get("/api/applications/" + no).status()).isEqualTo(200);
    assertThat(Http.as(port, "approver52", "demo").get("/api/applications/" + no).status()).isEqualTo(404);
    assertThat(Http.as(port, "designer", "demo").get("/api/applications/" + no).status()).isEqualTo(404);
  }

  @Test
  void aClerkFilesOnTheApplicantsBehalf() {
    RegistryEntry person = journeys.newPerson("532527");
    Map<String, Object> body = Journeys.transport(person, today.minusMonths(5), "OTHER_PROVINCE");
    body.put("agent", Map.of("name", "李村干"));
    assertThat(errors(submit(body))).containsOnlyKeys("agent.organization");
    body.put("agent", Map.of("name", "李村干", "organization", "向阳村村委会", "phone", "13700000000"));
    Http.Response response = submit(body);
    assertThat(response.status()).isEqualTo(201);
    String no = response.json().get("applicationNo").asText();
    assertThat(jdbc.sql("select channel || ' ' || filed_by from application where application_no = ?").param(no)
        .query(String.class).single()).isEqualTo("CLERK 代办 李村干（向阳村村委会）");
  }

  @Test
  void applicationNumbersAreUniqueAndGapFreeUnderConcurrentSubmissions() throws Exception {
    List<RegistryEntry> people = java.util.stream.IntStream.range(0, 12)
        .mapToObj(i -> journeys.newPerson("141129")).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<String>> numbers = new java.util.ArrayList<>();
    for (RegistryEntry person : people) {
      numbers.add(pool.submit(() -> journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"))));
    }
    List<Integer> sequences = new java.util.ArrayList<>();
    for (java.util.concurrent.Future<String> number : numbers) {
      sequences.add(Integer.parseInt(number.get().substring(12)));
    }
    pool.shutdown();
    java.util.Collections.sort(sequences);
    assertThat(sequences).doesNotHaveDuplicates();
    assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).isEqualTo(sequences.size() - 1);
  }
}
