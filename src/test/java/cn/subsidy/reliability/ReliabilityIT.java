package cn.subsidy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.AppProcess;
import cn.subsidy.support.Http;
import cn.subsidy.support.Poll;
import cn.subsidy.support.RemoteJourneys;
import cn.subsidy.support.StandalonePostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults a production installation meets, on whole servers (the packaged jar, {@link AppProcess}) and
 * a PostgreSQL of the test's own: a server killed with SIGKILL under load, two servers sharing the
 * load and the officials, the database stopped and started under load. Afterwards every acknowledged
 * submission is there, no step was done twice, and no payment instruction exists twice.
 * Runs in {@code mvn verify} (failsafe, after the jar is packaged).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

  private static final String COUNTY = "532527";

  StandalonePostgres postgres;
  JdbcClient db;
  AppProcess first;
  volatile AppProcess current;
  RemoteJourneys journeys;

  @BeforeAll
  void startServer() {
    postgres = StandalonePostgres.start("reliability");
    postgres.createDatabase("subsidy");
    db = JdbcClient.create(postgres.dataSource("subsidy"));
    first = server("first");
    current = first;
    journeys = new RemoteJourneys(() -> current.port());
  }

  @AfterAll
  void stopAll() {
    for (AppProcess server : List.of(first, current)) {
      if (server != null) {
        server.stop();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  AppProcess server(String name) {
    return AppProcess.start("reliability-" + name, postgres.environment("subsidy"), Map.of(
        "subsidy.mail.embedded-smtp-port", "0", "subsidy.mail.embedded-imap-port", "0"), Duration.ofMinutes(3));
  }

  @Test
  @Order(1)
  void aServerKilledUnderLoadLosesNothingAndDoesNothingTwice() throws Exception {
    List<RegistryEntry> people = journeys.newPeople(COUNTY, 24);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<RegistryEntry> unanswered = new ArrayList<>(people);
    ExecutorService load = Executors.newFixedThreadPool(4);
    CountDownLatch halfway = new CountDownLatch(8);
    List<Future<?>> submissions = new ArrayList<>();
    for (RegistryEntry person : people) {
      submissions.add(load.submit(() -> {
        Http.Response response = journeys.submit(RemoteJourneys.transport(person));
        if (response.status() == 201) {
          acknowledged.add(response.json().get("applicationNo").asText());
          synchronized (unanswered) {
            unanswered.remove(person);
          }
          halfway.countDown();
        }
        return null;
      }));
    }
    assertThat(halfway.await(3, TimeUnit.MINUTES)).isTrue();
    first.kill();
    for (Future<?> submission : submissions) {
      try {
        submission.get();
      } catch (java.util.concurrent.ExecutionException refused) {
        // the connection was cut: this submission was not acknowledged, and its applicant tries again
      }
    }
    load.shutdown();

    current = server("after-kill");
    for (String no : acknowledged) {
      assertThat(db.sql("select count(*) from application where application_no = ?").param(no).query(Long.class)
          .single()).as("acknowledged %s is there", no).isEqualTo(1);
    }
    // Those whose answer was lost try again; one that was stored before the kill is refused as a duplicate.
    for (RegistryEntry person : unanswered) {
      Http.Response retry = journeys.submit(RemoteJourneys.transport(person));
      assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    }
    for (String no : acknowledged) {
      journeys.approve(no);
    }
    assertEveryApplicationOnce(people.size());
  }

  @Test
  @Order(2)
  void twoServersShareTheLoadAndTwoOfficialsClaimingOneTaskGetOneWinner() throws Exception {
    AppProcess second = server("second");
    try {
      RemoteJourneys onSecond = new RemoteJourneys(second::port);
      List<RegistryEntry> people = journeys.newPeople(COUNTY, 12);
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        Http.Response response = (i % 2 == 0 ? journeys : onSecond).submit(RemoteJourneys.transport(people.get(i)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        numbers.add(response.json().get("applicationNo").asText());
      }
      ExecutorService officials = Executors.newFixedThreadPool(4);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < numbers.size(); i++) {
        RemoteJourneys via = i % 2 == 0 ? onSecond : journeys;
        String no = numbers.get(i);
        work.add(officials.submit(() -> {
          via.approve(no);
          return null;
        }));
      }
      for (Future<?> done : work) {
        done.get(5, TimeUnit.MINUTES);
      }
      officials.shutdown();

      Http admin = journeys.as("admin");
      assertThat(admin.postJson("/engine-rest/user/create", Map.of("profile", Map.of("id", "colleague" + COUNTY,
          "firstName", "同事", "lastName", "审核员", "email", "colleague@subsidy.demo"), "credentials",
          Map.of("password", "demo"))).status()).isEqualTo(204);
      assertThat(admin.putJson("/engine-rest/group/reviewers" + COUNTY + "/members/colleague" + COUNTY, Map.of())
          .status()).isEqualTo(204);
      List<RegistryEntry> contested = journeys.newPeople(COUNTY, 1);
      String no = journeys.submit(RemoteJourneys.transport(contested.get(0))).json().get("applicationNo").asText();
      String task = journeys.awaitTask("reviewer" + COUNTY, no, "Task_CountyReview");
      ExecutorService two = Executors.newFixedThreadPool(2);
      Future<Http.Response> onFirst = two.submit(() -> journeys.as("reviewer" + COUNTY)
          .postJson("/engine-rest/task/" + task + "/claim", Map.of("userId", "reviewer" + COUNTY)));
      Future<Http.Response> onOther = two.submit(() -> onSecond.as("colleague" + COUNTY)
          .postJson("/engine-rest/task/" + task + "/claim", Map.of("userId", "colleague" + COUNTY)));
      List<Integer> answers = List.of(onFirst.get().status(), onOther.get().status());
      two.shutdown();
      assertThat(answers).as("one claim wins, the other is told of the conflict").containsExactlyInAnyOrder(204, 409);
      assertEveryApplicationOnce(0);
    } finally {
      second.stop();
    }
  }

  @Test
  @Order(3)
  void theDatabaseStoppedUnderLoadGivesCleanErrorsAndTheServerRecoversByItself() {
    List<RegistryEntry> people = journeys.newPeople(COUNTY, 6);
    assertThat(journeys.submit(RemoteJourneys.transport(people.get(0))).status()).isEqualTo(201);
    long before = db.sql("select count(*) from application").query(Long.class).single();

    postgres.stop();
    Http.Response whileDown = journeys.submit(RemoteJourneys.transport(people.get(1)));
    assertThat(whileDown.status()).isEqualTo(503);
    assertThat(whileDown.body()).contains("数据库暂时不可用").contains("nothing was saved");
    postgres.restart();

    Http.Response again = Poll.until("a submission once the database is back", Duration.ofMinutes(2), () -> {
      Http.Response response = journeys.submit(RemoteJourneys.transport(people.get(1)));
      return response.status() == 201 ? response : null;
    });
    assertThat(db.sql("select count(*) from application").query(Long.class).single()).isEqualTo(before + 1);
    journeys.approve(again.json().get("applicationNo").asText());
    assertEveryApplicationOnce(0);
  }

  /**
   * Every application has one process, one record of each decision and at most one payment
   * instruction; each person has at most one transport application that was not refused as a duplicate.
   */
  void assertEveryApplicationOnce(int atLeast) {
    Poll.until("every eligibility check done", Duration.ofSeconds(150), () -> db.sql(
        "select count(*) from application where status = 'SUBMITTED'").query(Long.class).single() == 0 ? true : null);
    assertThat(db.sql("select count(*) from application").query(Long.class).single()).isGreaterThanOrEqualTo(atLeast);
    assertThat(db.sql("""
        select a.application_no from application a
        where (select count(*) from act_hi_procinst p where p.business_key_ = a.application_no
               and p.super_process_instance_id_ is null) <> 1
        """).query(String.class).list()).as("applications without exactly one process").isEmpty();
    assertThat(db.sql("""
        select application_no || ' ' || step from application_event
        group by application_no, step having count(*) > 1 and step in ('SUBMITTED', 'COUNTY_REVIEW', 'PROVINCE_APPROVAL')
        """).query(String.class).list()).as("steps done twice").isEmpty();
    assertThat(db.sql("select application_no from payment_instruction group by application_no having count(*) > 1")
        .query(String.class).list()).as("payment instructions twice").isEmpty();
    assertThat(db.sql("""
        select id_number from application where type = 'TRANSPORT' and status <> 'REJECTED'
        group by id_number, transport_year having count(*) > 1
        """).query(String.class).list()).as("people with two live transport applications").isEmpty();
  }
}
