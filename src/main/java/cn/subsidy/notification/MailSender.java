package cn.subsidy.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mails through Jakarta Mail, after the step that queued them committed, on its own
 * thread so that no step waits for the mail server. A mail is taken under a row lock other servers
 * skip and marked sent in the same transaction; a failure is retried with a doubling wait, and after
 * the last attempt the mail is marked FAILED with the error for an administrator to resend. The mails
 * of one run go over one connection to the mail server ({@link SmtpConnection}).
 */
@Component
class MailSender {

  /** Mails were queued; sending may start. */
  record Queued() {}

  private static final Logger log = LoggerFactory.getLogger(MailSender.class);

  static {
    MailLibrary.nameStreamProvider();
  }

  private final MailOutbox outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final MailSettings settings;
  private final MailTemplates templates;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "mail-sender");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean warnedNoServer = new AtomicBoolean();

  MailSender(MailOutbox outbox, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
      MailTemplates templates, TransactionTemplate transactions, Clock clock) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.settings = settings;
    this.templates = templates;
    this.transactions = transactions;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkTemplates() {
    templates.verifyAll();
  }

  /** Stops sending before the database goes away with the application. */
  @PreDestroy
  void stop() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(10, TimeUnit.SECONDS);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void afterCommit(Queued queued) {
    start();
  }

  @Scheduled(fixedDelayString = "${subsidy.mail.poll-interval:PT5S}")
  void poll() {
    start();
  }

  private void start() {
    if (running.compareAndSet(false, true)) {
      worker.submit(() -> {
        try {
          sendDue();
        } finally {
          running.set(false);
        }
      });
    }
  }

  /** Sends every mail that is due; returns how many went out. */
  int sendDue() {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      if (warnedNoServer.compareAndSet(false, true)) {
        log.warn("No mail server is configured (spring.mail.host): mails stay queued until one is.");
      }
      return 0;
    }
    int sent = 0;
    // One connection for the run; each mail is still taken, sent and marked in a transaction of its own,
    // so that a crash can send at most the one mail in flight again.
    try (SmtpConnection connection = new SmtpConnection(sender)) {
      while (true) {
        Boolean result = transactions.execute(status -> {
          Optional<MailOutbox.Mail> due = outbox.claimDue(clock.instant());
          if (due.isEmpty()) {
            return null;
          }
          return send(sender, connection, due.get());
        });
        if (result == null) {
          return sent;
        }
        if (result) {
          sent++;
        }
      }
    }
  }

  private boolean send(JavaMailSender sender, SmtpConnection connection, MailOutbox.Mail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.from(), settings.productName());
      helper.setTo(mail.recipient());
      helper.setSubject(mail.subject());
      helper.setText(mail.bodyText(), mail.bodyHtml());
      message.setHeader("X-Subsidy-Mail-Id", String.valueOf(mail.id()));
      connection.send(message);
      outbox.sent(mail.id(), clock.instant());
      return true;
    } catch (MailException | MessagingException | java.io.UnsupportedEncodingException e) {
      boolean giveUp = mail.attempts() + 1 >= settings.maxAttempts();
      Instant retryAt = clock.instant().plus(backoff(mail.attempts()));
      outbox.failed(mail.id(), shorten(e.getMessage()), retryAt, giveUp);
      log.warn("Mail {} to {} failed (attempt {}): {}{}", mail.id(), mail.recipient(), mail.attempts() + 1,
          e.getMessage(), giveUp ? "; giving up, an administrator may resend it" : "; retrying at " + retryAt);
      return false;
    }
  }

  Duration backoff(int attemptsSoFar) {
    Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attemptsSoFar, 20));
    return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
  }

  private static String shorten(String text) {
    if (text == null) {
      return "unknown error";
    }
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
