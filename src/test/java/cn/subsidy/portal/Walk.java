package cn.subsidy.portal;

import static org.awaitility.Awaitility.await;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Journeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks applications through the product for the portal's and the reports' tests, as its users do,
 * on top of {@link Journeys}: people with varied birthdays, the whole way to approval and payment.
 */
public final class Walk {

  public static final ZoneId BEIJING = Journeys.BEIJING;
  private static final AtomicInteger BIRTHDAYS = new AtomicInteger();

  private final int port;
  private final Journeys journeys;
  private final JdbcClient jdbc;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  public Walk(int port, ApplicationContext context) {
    this.port = port;
    this.journeys = context.getBean(Journeys.class).on(port);
    this.jdbc = context.getBean(JdbcClient.class);
    this.managementService = context.getBean(ManagementService.class);
    this.runtimeService = context.getBean(RuntimeService.class);
  }

  /** Stops the clock (the engine's and the product's) at a moment in Beijing time. */
  public static void stopClockAt(ZonedDateTime moment) {
    ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
  }

  /** Someone new in the county's registry, with a fresh identity number. */
  public RegistryEntry newPerson(String countyCode) {
    return journeys.newPerson(countyCode, LocalDate.of(1986, 4, 1 + BIRTHDAYS.getAndIncrement() % 28));
  }

  /** A complete transport application: other province, work started on {@code start}. */
  public static Map<String, Object> transport(RegistryEntry person, LocalDate start) {
    return Journeys.transport(person, start, "OTHER_PROVINCE");
  }

  /** Submits as the applicant; returns the application number. */
  public String submit(Map<String, Object> body) {
    return journeys.submit(body);
  }

  /** A new person of the county applies for the transport subsidy; waits until the county reviews it. */
  public String applicationUnderReview(String countyCode) {
    String no = submit(transport(newPerson(countyCode), workStart()));
    awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    return no;
  }

  /**
   * When the test people started working away: 1 June of last year, which gives them the months the
   * policy asks for in that subsidy year on any day the tests run.
   */
  public static LocalDate workStart() {
    return LocalDate.of(today().getYear() - 1, 6, 1);
  }

  /** Today in Beijing by the engine's clock. */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }

  public ApplicationStatus statusOf(String applicationNo) {
    return journeys.statusOf(applicationNo);
  }

  public String idNumberOf(String applicationNo) {
    return jdbc.sql("select id_number from application where application_no = ?").param(applicationNo)
        .query(String.class).single();
  }

  public void awaitStatus(String applicationNo, ApplicationStatus status) {
    journeys.awaitStatus(applicationNo, status);
  }

  /** An official completes the application's task through /engine-rest, with string variables. */
  public void complete(String user, String applicationNo, String taskKey, Map<String, String> variables) {
    journeys.completeOk(user, applicationNo, taskKey, variables);
  }

  /** Runs the timer (or other job) at {@code activityId} of the application's processes now. */
  public void executeJob(String applicationNo, String activityId) {
    journeys.executeJob(applicationNo, activityId);
  }

  /**
   * Waits until the job executor has run every job of the application that is due by the engine's
   * clock (timers that a jump of the clock made due), so that a task completed next does not race them.
   */
  public void awaitDueJobsDone(String applicationNo) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> runtimeService
        .createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).list().stream()
        .mapToLong(i -> managementService.createJobQuery().processInstanceId(i.getId()).executable().count())
        .sum() == 0);
  }

  /** The county approves, the notice runs out, the province approves: the application waits for payment. */
  public void approve(String applicationNo) {
    String county = applicationNo.substring(0, 6);
    journeys.approveThroughProvince(applicationNo, "reviewer" + county, "approver" + county.substring(0, 2));
  }

  /** The county's finance staff put every waiting payment of the county into a batch; returns its id. */
  public long createBatch(String countyCode) {
    Http.Response response = Http.as(port, "finance" + countyCode, "demo").postJson("/api/payments/batches",
        Map.of("countyCode", countyCode));
    if (response.status() != 201) {
      throw new AssertionError("batch not created: " + response.status() + " " + response.body());
    }
    return response.json().get("id").asLong();
  }

  /** The bank's result file for a batch, e.g. "532527-2026-000001,PAID,". */
  public void bankResult(String countyCode, long batchId, String... lines) {
    String csv = "applicationNo,result,reason\n" + String.join("\n", lines) + "\n";
    Http.Response response = Http.as(port, "finance" + countyCode, "demo").post("/api/payments/batches/" + batchId
        + "/result", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    if (response.status() != 200) {
      throw new AssertionError("result not recorded: " + response.status() + " " + response.body());
    }
  }
}
