package cn.subsidy.tasklist;

import java.util.List;

/**
 * What an official needs to decide without leaving Tasklist, shown by the task forms: the applicant,
 * the eligibility results, the amount, the documents, the history and the notes for this step.
 */
public record CaseFile(
    String applicationNo,
    String type,
    String county,
    String status,
    List<Line> applicant,
    List<Line> details,
    String eligibility,
    String amount,
    String amountDetail,
    List<Document> documents,
    List<Line> requiredDocuments,
    List<Event> history,
    List<Mail> mails,
    String recordUrl,
    List<Line> notes) {

  /** A labelled value. */
  public record Line(String label, String value) {}

  /** A link to an uploaded document. */
  public record Document(String kind, String name, String uploadedAt, String url) {}

  /** A mail about the application, with its state when the task was created. */
  public record Mail(String at, String subject, String to, String status) {}

  /** One step of the history. */
  public record Event(String at, String step, String actor, String decision, String comment) {}
}
