package cn.subsidy.notification;

/**
 * Something officials of a county must hear about, published in the transaction of the step that
 * causes it; the mail goes out after commit.
 *
 * @param groupId the Camunda group whose members get the mail
 * @param occurrence what makes this alert unique for its application (the history entry that recorded it)
 */
public record OfficialsAlert(String applicationNo, Kind kind, String groupId, String detail, long occurrence) {

  /** What happened. */
  public enum Kind {
    /** 7 working days into the county review. */
    REVIEW_REMINDER,
    /** The county review is overdue (10 working days). */
    SUPERVISOR_ALERT,
    /** Someone raised an objection during the public notice. */
    OBJECTION_RECEIVED,
    /** An objection is undecided after its deadline. */
    OBJECTION_OVERDUE
  }
}
