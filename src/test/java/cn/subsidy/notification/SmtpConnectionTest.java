package cn.subsidy.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail sender keeps one connection to the (real, embedded) mail server for a run, replaces one the
 * server dropped, and renews it after its share of messages. Connections are counted by Angus Mail's own
 * SMTP transport, named as the session's SMTP provider.
 */
@IntegrationTest
class SmtpConnectionTest {

  @Autowired GreenMail greenMail;
  @Autowired MailOutbox outbox;
  @Autowired MailSettings settings;
  @Autowired MailTemplates templates;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  /** Angus Mail's SMTP transport, counting the connections it opens. */
  public static class CountingTransport extends SMTPTransport {
    static final AtomicInteger CONNECTIONS = new AtomicInteger();

    public CountingTransport(Session session, URLName urlname) {
      super(session, urlname);
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
        throws MessagingException {
      CONNECTIONS.incrementAndGet();
      return super.protocolConnect(host, port, user, password);
    }
  }

  @BeforeEach
  void reset() {
    CountingTransport.CONNECTIONS.set(0);
  }

  JavaMailSenderImpl countingSender() throws MessagingException {
    Session session = Session.getInstance(new Properties());
    session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", CountingTransport.class.getName(), "test", "1"));
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setSession(session);
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }

  static String address(String run, int i) {
    return "m" + i + "-" + run + "@connection.test";
  }

  long received(String address) {
    return ReceivedMails.to(greenMail, address);
  }

  @Test
  void theMailsOfOneRunGoOverOneConnection() throws MessagingException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    // Due tomorrow: the application's own sender leaves them to this one, which runs "tomorrow".
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    List<MailOutbox.NewMail> mails = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      mails.add(new MailOutbox.NewMail("connection-" + run + "-" + i, null, MailEvent.RECEIVED, address(run, i),
          new MailTemplates.Rendered("连接 " + i, "text " + i, "<p>html " + i + "</p>")));
    }
    outbox.add(mails, tomorrow);
    MailSender sender = new MailSender(outbox,
        new StaticListableBeanFactory(Map.of("sender", countingSender())).getBeanProvider(JavaMailSender.class),
        settings, templates, transactions, Clock.fixed(tomorrow.plusSeconds(60), ZoneOffset.UTC));

    assertThat(sender.sendDue()).isGreaterThanOrEqualTo(12);

    for (int i = 0; i < 12; i++) {
      assertThat(received(address(run, i))).as("mail %s", i).isEqualTo(1);
    }
    assertThat(jdbc.sql("select count(*) from mail_outbox where dedup_key like ? and status = 'SENT'")
        .param("connection-" + run + "-%").query(Long.class).single()).isEqualTo(12);
    assertThat(CountingTransport.CONNECTIONS.get()).as("connections for 12 mails (one each before)")
        .isEqualTo(1);
  }

  @Test
  void aDroppedConnectionIsReplacedAndAFullOneRenewed() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    JavaMailSenderImpl mailSender = countingSender();
    try (SmtpConnection connection = new SmtpConnection(mailSender, 2)) {
      for (int i = 0; i < 3; i++) {
        connection.send(message(mailSender, address(run, i)));
      }
      assertThat(CountingTransport.CONNECTIONS.get()).as("renewed after two messages").isEqualTo(2);
      for (int i = 0; i < 3; i++) {
        assertThat(received(address(run, i))).as("mail %s", i).isEqualTo(1);
      }

      greenMail.stop(); // drops the connection kept open for the third message's successor
      greenMail.start();
      connection.send(message(mailSender, address(run, 3)));
    }
    assertThat(received(address(run, 3))).isEqualTo(1);
    assertThat(CountingTransport.CONNECTIONS.get()).as("a new connection for the fourth").isEqualTo(3);
  }

  static MimeMessage message(JavaMailSenderImpl sender, String to) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    message.setFrom("noreply@subsidy.test");
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject("connection " + to);
    message.setText("text");
    return message;
  }
}
