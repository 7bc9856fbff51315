package cn.subsidy.bench;

import static cn.subsidy.bench.AppLifecycle.expect;

import cn.subsidy.demo.DemoCounties;
import cn.subsidy.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * 100,000 open county review tasks over the seven demo counties, and a county reviewer's task queries
 * on them with authorization on. The engine creates one task per county (model
 * {@code bench/task-load.bpmn}, deployed and started through {@code /engine-rest}); {@link RowCloner}
 * copies exactly the rows it wrote (runtime, authorizations, history) for the rest, and the loaded
 * tasks are checked against the engine's own through the API before anything is measured.
 */
final class TaskLoad {

  static final String REVIEWER = "reviewer532527";
  private final Users users;
  private final DataSource database;
  private final Map<String, Object> details = new LinkedHashMap<>();

  TaskLoad(Users users, DataSource database) {
    this.users = users;
    this.database = database;
  }

  Map<String, Object> details() {
    return details;
  }

  /** Loads at least {@code total} tasks; returns how many are open for the reviewer's county. */
  long load(int total) {
    long start = System.nanoTime();
    Http admin = users.as("admin");
    expect(admin.upload("/engine-rest/deployment/create", "bench-task-load.bpmn", "application/octet-stream",
        resource("bench/task-load.bpmn")), 200, "deploy task-load model");
    List<String> templates = new ArrayList<>();
    for (var county : DemoCounties.ALL) {
      JsonNode started = expect(admin.postJson("/engine-rest/process-definition/key/benchTaskLoad/start", Map.of(
          "businessKey", "TL-" + county.code(), "variables", Map.of("countyCode", Map.of("value", county.code())))),
          200, "start task-load instance").json();
      templates.add("'" + started.get("id").asText() + "'");
    }
    String instances = String.join(",", templates);
    String tasks = "select id_ from act_ru_task where proc_inst_id_ in (" + instances + ")";
    int copies = (total + templates.size() - 1) / templates.size() - 1;
    RowCloner cloner = new RowCloner(database);
    Map<String, Integer> rows = cloner
        .rows("act_ru_execution", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_ru_task", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_ru_identitylink", "t.task_id_ in (" + tasks + ")")
        .rows("act_ru_variable", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_ru_authorization", "t.resource_id_ in (" + tasks + ") or t.resource_id_ in (" + instances + ")")
        .rows("act_hi_procinst", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_hi_actinst", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_hi_taskinst", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_hi_identitylink", "t.task_id_ in (" + tasks + ")")
        .rows("act_hi_varinst", "t.proc_inst_id_ in (" + instances + ")")
        .rows("act_hi_detail", "t.proc_inst_id_ in (" + instances + ")")
        .override("business_key_", "t.business_key_ || '-' || g")
        .override("act_ru_task", "create_time_", "t.create_time_ - g * interval '1 millisecond'")
        .override("act_hi_taskinst", "start_time_", "t.start_time_ - g * interval '1 millisecond'")
        .override("act_ru_variable", "text_",
            "case when t.name_ = 'applicationNo' then t.text_ || '-' || g else t.text_ end")
        .copy(copies);
    details.put("load_seconds_by_table", cloner.seconds());
    long loaded = Sql.number(database, "select count(*) from act_ru_task where task_def_key_ = 'Task_CountyReview'"
        + " and proc_def_id_ in (select id_ from act_re_procdef where key_ = 'benchTaskLoad')");
    details.put("tasks_loaded", loaded);
    details.put("load_s", Results.round((System.nanoTime() - start) / 1e9));
    details.put("load_method", "engine creates 1 task per county via /engine-rest; SQL generate_series copies its"
        + " rows (runtime, authorizations, history): " + rows);
    return verify(copies);
  }

  /** The copies are tasks like the engine's own: same fields, same authorizations, and they complete. */
  private long verify(int copies) {
    Http reviewer = users.as(REVIEWER);
    JsonNode original = expect(reviewer.get("/engine-rest/task?processInstanceBusinessKey=TL-532527"), 200, "task")
        .json();
    JsonNode copy = expect(reviewer.get("/engine-rest/task?processInstanceBusinessKey=TL-532527-7"), 200, "task").json();
    check(original.size() == 1 && copy.size() == 1, "reviewer sees the original and the copy: " + original + copy);
    for (String field : List.of("name", "taskDefinitionKey", "processDefinitionId", "assignee", "priority", "owner")) {
      check(original.get(0).get(field).equals(copy.get(0).get(field)), field + " differs: " + original + copy);
    }
    JsonNode variables = expect(reviewer.get("/engine-rest/task/" + copy.get(0).get("id").asText() + "/localVariables"),
        200, "task variables").json();
    check("TL-532527-7".equals(variables.path("applicationNo").path("value").asText()), "task variables " + variables);
    JsonNode other = expect(users.as("reviewer520181").get("/engine-rest/task?processInstanceBusinessKey=TL-532527-7"),
        200, "task").json();
    check(other.isEmpty(), "another county's reviewer sees the copy: " + other);
    String id = copy.get(0).get("id").asText();
    expect(reviewer.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", REVIEWER)), 204, "claim copy");
    expect(reviewer.postJson("/engine-rest/task/" + id + "/complete", Map.of("variables", Map.of())), 204,
        "complete copy");
    check(expect(reviewer.get("/engine-rest/task?processInstanceBusinessKey=TL-532527-7"), 200, "task").json()
        .isEmpty(), "completing a copied task ends it");
    details.put("verified", "a copied task has the engine-created task's fields, local variables and authorizations"
        + " (another county's reviewer does not see it), and claims and completes through /engine-rest");
    return Sql.number(database, "select count(*) from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_"
        + " where i.group_id_ = 'reviewers532527'");
  }

  /** The reviewer's task list, count and Tasklist filter, {@code calls} times each after a warm-up. */
  Latencies query(int calls) {
    Http reviewer = users.as(REVIEWER);
    JsonNode filters = expect(reviewer.get("/engine-rest/filter"), 200, "filters").json();
    String filterId = null;
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().startsWith("我县的审核")) {
        filterId = filter.get("id").asText();
      }
    }
    check(filterId != null, "no filter 我县的审核 for " + REVIEWER + ": " + filters);
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("task_first_page", "/engine-rest/task?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc");
    queries.put("filter_first_page", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    queries.put("task_count", "/engine-rest/task/count");
    queries.put("filter_count", "/engine-rest/filter/" + filterId + "/count");
    Latencies latencies = new Latencies();
    Latencies warmup = new Latencies();
    long deadline = System.nanoTime() + 45_000_000_000L;
    // Two rounds of warm-up; then up to {@code calls} rounds, at least five, within about 45 s (some 120
    // rounds on 2 cores), which keeps the whole benchmark under 10 minutes when the machine is slow.
    for (int i = 0; i < calls + 2 && (i < 7 || System.nanoTime() < deadline); i++) {
      for (var query : queries.entrySet()) {
        Http.Response response = (i < 2 ? warmup : latencies).time(query.getKey(), () -> reviewer.get(query.getValue()));
        expect(response, 200, query.getKey());
        if (i == 0 && query.getKey().endsWith("first_page")) {
          check(response.json().size() == 15, query.getKey() + " returned " + response.json().size());
        }
      }
    }
    details.put("query_paths", queries.values().stream().collect(Collectors.toList()));
    return latencies;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = TaskLoad.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
