package cn.subsidy.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One connection to the mail server for a run of the sender, instead of one per mail: Spring's
 * {@code send} connects, greets, authenticates (and with TLS, shakes hands) and quits for every message.
 * The connection is opened as {@link JavaMailSenderImpl} opens it, when the first mail is sent; a
 * connection the server dropped meanwhile is replaced once; after {@code maxMessages} it is renewed, as
 * servers limit the messages of one session. A sender that is not a {@link JavaMailSenderImpl} sends each
 * mail its own way.
 */
final class SmtpConnection implements AutoCloseable {

  static final int MAX_MESSAGES = 100;

  private final JavaMailSender sender;
  private final int maxMessages;
  private Transport transport;
  private int messages;

  SmtpConnection(JavaMailSender sender) {
    this(sender, MAX_MESSAGES);
  }

  SmtpConnection(JavaMailSender sender, int maxMessages) {
    this.sender = sender;
    this.maxMessages = maxMessages;
  }

  /** Sends one message; a failure is the message's (its recipients refused) or the server's. */
  void send(MimeMessage message) throws MessagingException {
    if (!(sender instanceof JavaMailSenderImpl impl)) {
      sender.send(message);
      return;
    }
    prepare(message);
    Address[] recipients = message.getAllRecipients();
    if (transport != null) {
      try {
        transport.sendMessage(message, recipients);
        sent();
        return;
      } catch (SendFailedException refused) {
        throw refused; // the server refused this message's addresses; the connection stays good
      } catch (MessagingException | IllegalStateException dropped) {
        close(); // the server may have closed a connection kept open: one more try on a new one
      }
    }
    transport = connect(impl);
    transport.sendMessage(message, recipients);
    sent();
  }

  /** As {@link JavaMailSenderImpl} prepares a message: a sent date, saved headers, its own Message-ID kept. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
  }

  /** As {@code JavaMailSenderImpl.connectTransport}: its session, protocol, host, port and credentials. */
  private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
    String username = impl.getUsername();
    String password = impl.getPassword();
    if ("".equals(username)) {
      username = null;
      if ("".equals(password)) {
        password = null;
      }
    }
    String protocol = impl.getProtocol() != null ? impl.getProtocol()
        : impl.getSession().getProperty("mail.transport.protocol");
    Transport opened = impl.getSession().getTransport(protocol != null ? protocol : "smtp");
    opened.connect(impl.getHost(), impl.getPort(), username, password);
    return opened;
  }

  private void sent() {
    if (++messages >= maxMessages) {
      close();
    }
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the messages it carried were accepted; a failed QUIT changes nothing
      }
      transport = null;
      messages = 0;
    }
  }
}
