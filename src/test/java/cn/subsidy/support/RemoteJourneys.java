package cn.subsidy.support;

import cn.subsidy.registry.RegistryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Applications walked through a server in another process ({@link AppProcess}) only as its users reach
 * it: the HTTP API for applicants and staff, {@code /engine-rest} with each official's own credentials,
 * timers executed by the administrator. Every call goes to the server the supplier names at that moment,
 * so that a test can kill it and carry on with another.
 */
public final class RemoteJourneys {

  private static final AtomicInteger BIRTHDAYS = new AtomicInteger();

  private final Supplier<Integer> port;

  public RemoteJourneys(Supplier<Integer> port) {
    this.port = port;
  }

  public Http as(String user) {
    return Http.as(port.get(), user, "demo");
  }

  /** {@code count} new people in the county's registry, imported by the administrator. */
  public List<RegistryEntry> newPeople(String countyCode, int count) {
    List<RegistryEntry> people = new ArrayList<>();
    StringBuilder csv = new StringBuilder("idNumber,name,countyCode,category\n");
    for (int i = 0; i < count; i++) {
      int n = BIRTHDAYS.getAndIncrement();
      RegistryEntry person = new RegistryEntry(countyCode,
          Ids.of(countyCode, LocalDate.of(1975 + n % 25, 1 + n % 12, 1 + n % 28)), "远程" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10),
          null);
      people.add(person);
      csv.append(person.idNumber()).append(',').append(person.name()).append(',').append(countyCode)
          .append(",脱贫人口\n");
    }
    Http.Response response = as("admin").post("/api/registry/import", "text/csv; charset=utf-8",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    if (response.status() != 200 || response.json().get("imported").asInt() != count) {
      throw new AssertionError("registry import: " + response.status() + " " + response.body());
    }
    return people;
  }

  /** An eligible transport application of the person: working in another province since last June. */
  public static Map<String, Object> transport(RegistryEntry person) {
    return Journeys.transport(person, LocalDate.now(Journeys.BEIJING).minusMonths(5).withDayOfMonth(1),
        "OTHER_PROVINCE");
  }

  /** Submits as the applicant: the response as it came (the caller decides what a failure means). */
  public Http.Response submit(Map<String, Object> body) {
    return Http.anonymous(port.get()).postJson("/api/applications", body);
  }

  /**
   * The application's open task with this key, waiting for it to appear (after a crash, up to the job
   * lock time of a minute plus the step); its id.
   */
  public String awaitTask(String user, String applicationNo, String taskKey) {
    return Poll.until(taskKey + " of " + applicationNo, Duration.ofSeconds(150), () -> {
      JsonNode tasks = as(user).get("/engine-rest/task?processInstanceBusinessKey=" + applicationNo
          + "&taskDefinitionKey=" + taskKey).json();
      return tasks.isArray() && tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
    });
  }

  /** The official completes the task through {@code /engine-rest} with string variables. */
  public Http.Response complete(String user, String taskId, Map<String, String> variables) {
    Map<String, Object> vars = new HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v, "type", "String")));
    return as(user).postJson("/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
  }

  /** Completes the application's task, waiting for it; fails unless the engine took it. */
  public void decide(String user, String applicationNo, String taskKey, Map<String, String> variables) {
    Http.Response response = complete(user, awaitTask(user, applicationNo, taskKey), variables);
    if (response.status() != 204) {
      throw new AssertionError(taskKey + " of " + applicationNo + ": " + response.status() + " " + response.body());
    }
  }

  /** The administrator ends the public notice now, as Cockpit's "execute job" does. */
  public void endNotice(String applicationNo) {
    String jobId = Poll.until("the notice timer of " + applicationNo, () -> {
      for (JsonNode instance : as("admin").get("/engine-rest/process-instance?businessKey=" + applicationNo).json()) {
        JsonNode jobs = as("admin").get("/engine-rest/job?activityId=Timer_NoticeEnds&processInstanceId="
            + instance.get("id").asText()).json();
        if (jobs.size() == 1) {
          return jobs.get(0).get("id").asText();
        }
      }
      return null;
    });
    Http.Response response = as("admin").postJson("/engine-rest/job/" + jobId + "/execute", Map.of());
    if (response.status() != 204) {
      throw new AssertionError("notice of " + applicationNo + ": " + response.status() + " " + response.body());
    }
  }

  /** County review, public notice and provincial approval, each by its own official. */
  public void approve(String applicationNo) {
    String county = applicationNo.substring(0, 6);
    decide("reviewer" + county, applicationNo, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    endNotice(applicationNo);
    decide("approver" + county.substring(0, 2), applicationNo, "Task_ProvinceApproval",
        Map.of("provinceDecision", "APPROVE"));
  }
}
