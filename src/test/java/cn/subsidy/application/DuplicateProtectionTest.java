package cn.subsidy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Once per person per year" and "same occupation and level once" hold when identical applications
 * arrive at the same moment: one proceeds, the others are rejected as duplicates, and the database
 * itself refuses a second claim.
 */
@IntegrationTest
class DuplicateProtectionTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcClient jdbc;

  LocalDate today = LocalDate.now(Journeys.BEIJING);

  @BeforeEach
  void on() {
    journeys.on(port);
  }

  List<String> submitAtOnce(List<Map<String, Object>> bodies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> numbers = new ArrayList<>();
    for (Map<String, Object> body : bodies) {
      numbers.add(pool.submit(() -> {
        start.await();
        return journeys.submit(body);
      }));
    }
    start.countDown();
    List<String> result = new ArrayList<>();
    for (Future<String> number : numbers) {
      result.add(number.get());
    }
    pool.shutdown();
    return result;
  }

  @RepeatedTest(3)
  void identicalTransportApplicationsAtTheSameMomentOneProceeds() throws Exception {
    RegistryEntry person = journeys.newPerson("420526");
    Map<String, Object> body = Journeys.transport(person, today.minusMonths(5), "OTHER_PROVINCE");
    List<String> numbers = submitAtOnce(List.of(body, body, body));
    List<ApplicationStatus> outcomes = new ArrayList<>();
    for (String no : numbers) {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
          .until(() -> journeys.statusOf(no) != ApplicationStatus.SUBMITTED);
      outcomes.add(journeys.statusOf(no));
    }
    assertThat(outcomes).containsOnlyOnce(ApplicationStatus.UNDER_REVIEW)
        .filteredOn(s -> s == ApplicationStatus.REJECTED).hasSize(2);
    for (String no : numbers) {
      if (journeys.statusOf(no) == ApplicationStatus.REJECTED) {
        assertThat(journeys.status(no, person.idNumber()).get("reasonDetails").findValuesAsText("rule"))
            .containsExactly("ONCE_PER_YEAR");
      }
    }
    assertThat(jdbc.sql("select count(*) from transport_claim where id_number = ?").param(person.idNumber())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void identicalTrainingApplicationsAtTheSameMomentOneProceeds() throws Exception {
    RegistryEntry person = journeys.newPerson("420526");
    Map<String, Object> body = Journeys.training(person, "育婴员", "PRIMARY", today.minusMonths(1), 5);
    List<String> numbers = submitAtOnce(List.of(body, body));
    for (String no : numbers) {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
          .until(() -> journeys.statusOf(no) != ApplicationStatus.SUBMITTED);
    }
    assertThat(numbers.stream().map(journeys::statusOf).toList())
        .containsExactlyInAnyOrder(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED);
  }

  @Test
  void theDatabaseItselfRefusesASecondClaim() {
    RegistryEntry person = journeys.newPerson("420526");
    String first = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"));
    journeys.awaitStatus(first, ApplicationStatus.UNDER_REVIEW);
    RegistryEntry other = journeys.newPerson("420526");
    String second = journeys.submit(Journeys.transport(other, today.minusMonths(5), "OTHER_COUNTY"));
    journeys.awaitStatus(second, ApplicationStatus.UNDER_REVIEW);
    assertThatThrownBy(() -> jdbc.sql("insert into transport_claim (id_number, year, application_no) values (?, ?, ?)")
        .params(person.idNumber(), today.minusMonths(5).getYear(), second).update())
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aRejectedApplicationFreesTheYearForANewOne() {
    RegistryEntry person = journeys.newPerson("420526");
    String first = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"));
    journeys.awaitStatus(first, ApplicationStatus.UNDER_REVIEW);
    journeys.completeOk("reviewer420526", first, "Task_CountyReview",
        Map.of("countyDecision", "REJECT", "countyComment", "材料造假"));
    journeys.awaitStatus(first, ApplicationStatus.REJECTED);
    String again = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"));
    journeys.awaitStatus(again, ApplicationStatus.UNDER_REVIEW);
  }
}
