package cn.subsidy.notification;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the product mails ({@code subsidy.mail.*}).
 *
 * @param productName the product's name in subjects and signatures
 * @param from the sender address
 * @param portalUrl where applicants look up their application (links in mails)
 * @param templateDirectory a folder whose templates replace the built-in ones, file by file
 * @param maxAttempts attempts before a mail is marked FAILED (an administrator can resend it)
 * @param firstRetry the wait after the first failure; it doubles up to {@code maxRetry}
 * @param embedded start an embedded SMTP/IMAP server (GreenMail) when no {@code spring.mail.host} is set
 * @param embeddedSmtpPort its SMTP port (0 picks a free one)
 * @param embeddedImapPort its IMAP port (0 picks a free one)
 */
@ConfigurationProperties("subsidy.mail")
public record MailSettings(
    @DefaultValue("脱贫人口就业补贴服务") String productName,
    @DefaultValue("subsidy@subsidy.demo") String from,
    @DefaultValue("http://localhost:8080") String portalUrl,
    Path templateDirectory,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("PT30S") Duration firstRetry,
    @DefaultValue("PT1H") Duration maxRetry,
    @DefaultValue("true") boolean embedded,
    @DefaultValue("3025") int embeddedSmtpPort,
    @DefaultValue("3143") int embeddedImapPort) {}
