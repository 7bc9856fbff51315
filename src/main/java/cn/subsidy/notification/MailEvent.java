package cn.subsidy.notification;

/** The mails the product sends; each has its templates {@code mail/<template>.txt} and {@code .html}. */
public enum MailEvent {
  RECEIVED("received"),
  SUPPLEMENT_REQUIRED("supplement-required"),
  REJECTED("rejected"),
  APPROVED("approved"),
  PAID("paid"),
  PAYMENT_FAILED("payment-failed"),
  WITHDRAWN("withdrawn"),
  REVIEW_REMINDER("review-reminder"),
  SUPERVISOR_ALERT("supervisor-alert"),
  OBJECTION_RECEIVED("objection-received"),
  OBJECTION_OVERDUE("objection-overdue");

  private final String template;

  MailEvent(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
