package cn.subsidy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A mail server that is down delays mail; it never loses, doubles, blocks or rolls back anything. */
@IntegrationTest
class MailServerDownTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired GreenMail greenMail;
  @Autowired JdbcClient jdbc;

  long received(String address) {
    return ReceivedMails.to(greenMail, address);
  }

  @Test
  void threeSubmissionsWhileTheServerIsDownMakeExactlyThreeMailsOnceItIsBack() {
    journeys.on(port);
    List<RegistryEntry> people = List.of(journeys.newPerson("141129"), journeys.newPerson("141129"),
        journeys.newPerson("141129"));
    greenMail.stop();
    List<String> numbers;
    try {
      long started = System.nanoTime();
      numbers = people.stream().map(p -> journeys.submit(Journeys.transport(p,
          LocalDate.now(Journeys.BEIJING).minusMonths(5), "OTHER_PROVINCE"))).toList();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("submissions do not wait for mail")
          .isLessThan(Duration.ofSeconds(10));
      numbers.forEach(no -> journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW));
      await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from mail_outbox where"
              + " application_no = any(?) and status = 'PENDING' and attempts > 0 and last_error is not null")
          .param(numbers.toArray(String[]::new)).query(Long.class).single() == 3);
    } finally {
      greenMail.start();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mail_outbox where"
        + " application_no = any(?) and status = 'SENT'").param(numbers.toArray(String[]::new))
        .query(Long.class).single() == 3);
    for (RegistryEntry person : people) {
      assertThat(received(NotificationTest.email(person))).as("exactly one mail each").isEqualTo(1);
    }
  }
}
