package cn.subsidy.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default run's mail server: GreenMail, an SMTP and IMAP server inside the application, so that a
 * new user sees the real mails. Unused as soon as {@code spring.mail.host} points at a real server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMailServer.class)
@ConditionalOnProperty(name = "subsidy.mail.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedMailServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  static {
    MailLibrary.nameStreamProvider();
  }

  @Bean(destroyMethod = "stop")
  GreenMail greenMail(MailSettings settings) {
    GreenMail greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(settings.embeddedSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(settings.embeddedImapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    greenMail.start();
    log.info("Embedded mail server: SMTP localhost:{}, IMAP localhost:{} (log in with a recipient's address as user"
        + " name and password)", greenMail.getSmtp().getPort(), greenMail.getImap().getPort());
    return greenMail;
  }

  @Bean
  JavaMailSender embeddedMailSender(GreenMail greenMail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    properties.put("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
