package cn.subsidy.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;

/** What the (embedded, real) mail server received. */
final class ReceivedMails {

  private ReceivedMails() {}

  /** How many received mails are addressed to {@code address}. */
  static long to(GreenMail greenMail, String address) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
      } catch (MessagingException e) {
        return false;
      }
    }).count();
  }
}
