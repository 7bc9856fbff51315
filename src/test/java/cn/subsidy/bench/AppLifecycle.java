package cn.subsidy.bench;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import cn.subsidy.support.Journeys;
import cn.subsidy.support.Poll;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives transport applications through the running server as its users do, over HTTP: the applicant
 * submits, the county reviewer and the province approver claim and complete their tasks through
 * {@code /engine-rest}, the administrator executes the public-notice timer, county finance pays a batch.
 */
final class AppLifecycle {

  /** Demo counties without fare reimbursement (450225 reimburses fares and would need one). */
  static final List<String> COUNTIES = List.of("532527", "520181", "141129", "140821", "620823", "420526");
  private static final AtomicInteger BIRTHS = new AtomicInteger();

  private final Users users;
  private final int port;
  private final Latencies latencies;
  private final Map<String, Queue<RegistryEntry>> people;
  /** Applicants' submissions: one client (connections kept alive) rather than a new one per application. */
  private final Http applicants;

  AppLifecycle(Users users, Latencies latencies) {
    this(users, latencies, new ConcurrentHashMap<>());
  }

  private AppLifecycle(Users users, Latencies latencies, Map<String, Queue<RegistryEntry>> people) {
    this.users = users;
    this.port = users.port();
    this.latencies = latencies;
    this.people = people;
    this.applicants = Http.anonymous(port);
  }

  /** The same users and registry people, recording into other latencies (after a warm-up). */
  AppLifecycle recordingInto(Latencies other) {
    return new AppLifecycle(users, other, people);
  }

  private Http as(String user) {
    return users.as(user);
  }

  /** Puts {@code perCounty} new people into each county's registry through the import API. */
  void importPeople(int perCounty) {
    for (String county : COUNTIES) {
      StringBuilder csv = new StringBuilder("idNumber,name,countyCode,category\n");
      List<RegistryEntry> entries = new ArrayList<>();
      for (int i = 0; i < perCounty; i++) {
        int n = BIRTHS.incrementAndGet();
        String id = Ids.of(county, LocalDate.of(1965, 1, 1).plusDays(n * 3L % 12000));
        String name = "张测" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10) + "甲乙丙丁戊己庚辛壬癸".charAt(n / 10 % 10);
        csv.append(id).append(',').append(name).append(',').append(county).append(",ALLEVIATED\n");
        entries.add(new RegistryEntry(county, id, name, null));
      }
      Http.Response response = as("admin").post("/api/registry/import", "text/csv",
          csv.toString().getBytes(StandardCharsets.UTF_8));
      expect(response, 200, "registry import");
      if (response.json().get("imported").asInt() != perCounty) {
        throw new AssertionError("registry import: " + response.body());
      }
      people.computeIfAbsent(county, c -> new ConcurrentLinkedQueue<>()).addAll(entries);
    }
  }

  /**
   * One round: {@code threads} threads each take {@code perThread} applications from submission to the
   * province's approval, then county finance pays every county's batch; done when all are PAID and their
   * processes have ended. Returns the applications completed.
   */
  List<String> round(int threads, int perThread) throws InterruptedException {
    List<String> numbers = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> idNumbers = new ConcurrentHashMap<>();
    Parallel.run(threads, t -> {
      for (int i = 0; i < perThread; i++) {
        String county = COUNTIES.get((t + i * threads) % COUNTIES.size());
        RegistryEntry person = people.get(county).remove();
        String no = approve(person);
        numbers.add(no);
        idNumbers.put(no, person.idNumber());
      }
    });
    pay(numbers, idNumbers);
    return numbers;
  }

  /** Submission to the province's approval, through the API as each user. */
  String approve(RegistryEntry person) {
    Map<String, Object> body = Journeys.transport(person, LocalDate.now(Journeys.BEIJING).minusMonths(5),
        "OTHER_PROVINCE");
    Http.Response submitted = latencies.time("submit", () -> applicants.postJson("/api/applications", body));
    String no = expect(submitted, 201, "submit").json().get("applicationNo").asText();
    String reviewer = "reviewer" + person.countyCode();
    complete(reviewer, no, "Task_CountyReview", "complete_county_review",
        Map.of("countyDecision", "APPROVE", "countyComment", "ok"));
    executeNoticeTimer(no);
    complete("approver" + person.countyCode().substring(0, 2), no, "Task_ProvinceApproval",
        "complete_province_approval", Map.of("provinceDecision", "APPROVE", "provinceComment", "ok"));
    return no;
  }

  private void complete(String user, String no, String taskKey, String callType, Map<String, String> decision) {
    String taskId = Poll.until("task " + taskKey + " of " + no, () -> {
      JsonNode tasks = expect(latencies.time("task_list", () -> as(user).get("/engine-rest/task?processInstanceBusinessKey="
          + no + "&taskDefinitionKey=" + taskKey)), 200, "task list").json();
      return tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
    });
    expect(latencies.time("task_claim", () -> as(user).postJson("/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", user))), 204, "claim " + taskKey);
    Map<String, Object> variables = new java.util.HashMap<>();
    decision.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    expect(latencies.time(callType, () -> as(user).postJson("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables))), 204, "complete " + taskKey);
  }

  /** The administrator ends the public notice early, as README describes. */
  private void executeNoticeTimer(String no) {
    String jobId = Poll.until("notice timer of " + no, () -> {
      JsonNode instances = expect(latencies.time("instance_lookup", () -> as("admin").get(
          "/engine-rest/process-instance?processDefinitionKey=publicNotice&businessKey=" + no)), 200, "instance").json();
      if (instances.size() != 1) {
        return null;
      }
      JsonNode jobs = expect(latencies.time("job_lookup", () -> as("admin").get("/engine-rest/job?processInstanceId="
          + instances.get(0).get("id").asText() + "&activityId=Timer_NoticeEnds")), 200, "job").json();
      return jobs.size() == 1 ? jobs.get(0).get("id").asText() : null;
    });
    expect(latencies.time("job_execute", () -> as("admin").postJson("/engine-rest/job/" + jobId + "/execute", "{}")),
        204, "execute notice timer");
  }

  /** County finance batches, exports and records the bank's PAID for every county; waits for the end. */
  private void pay(List<String> numbers, Map<String, String> idNumbers) {
    for (String county : COUNTIES) {
      if (numbers.stream().noneMatch(no -> no.startsWith(county))) {
        continue;
      }
      Http finance = as("finance" + county);
      JsonNode batch = expect(latencies.time("payment_batch_create", () -> finance.postJson("/api/payments/batches",
          Map.of("countyCode", county))), 201, 200, "batch").json();
      long id = batch.get("id").asLong();
      expect(latencies.time("payment_bank_file", () -> finance.get("/api/payments/batches/" + id + "/file")), 200,
          "bank file");
      StringBuilder result = new StringBuilder("applicationNo,result,reason\n");
      batch.get("instructions").forEach(line -> result.append(line.get("applicationNo").asText()).append(",PAID,\n"));
      expect(latencies.time("payment_result", () -> finance.post("/api/payments/batches/" + id + "/result", "text/csv",
          result.toString().getBytes(StandardCharsets.UTF_8))), 200, "bank result");
    }
    for (String no : numbers) {
      Http applicant = applicants.with("X-Id-Number", idNumbers.get(no));
      Poll.until("PAID " + no, () -> "PAID".equals(expect(latencies.time("status", () -> applicant.get(
          "/api/applications/" + no)), 200, "status").json().get("status").asText()) ? true : null);
    }
    Poll.until("every transport process ended", () -> expect(as("admin").get(
        "/engine-rest/process-instance/count?processDefinitionKey=transportSubsidy"), 200, "count").json()
        .get("count").asInt() == 0 ? true : null);
  }

  static Http.Response expect(Http.Response response, int status, String what) {
    return expect(response, status, status, what);
  }

  static Http.Response expect(Http.Response response, int status, int alternative, String what) {
    if (response.status() != status && response.status() != alternative) {
      throw new AssertionError(what + ": HTTP " + response.status() + " " + response.body());
    }
    return response;
  }
}
