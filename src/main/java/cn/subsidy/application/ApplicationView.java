package cn.subsidy.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An application's status as its applicant (or an official) reads it.
 *
 * @param reasons every reason the application was rejected, as sentences
 * @param missingItems what the county asked to supplement, while it waits for the answer
 * @param history the steps so far, with dates (and, for officials, who took them)
 */
public record ApplicationView(
    String applicationNo,
    ApplicationType type,
    String typeText,
    String countyCode,
    ApplicationStatus status,
    String statusText,
    BigDecimal amount,
    String amountDetail,
    List<String> reasons,
    List<Reason> reasonDetails,
    List<String> missingItems,
    Instant supplementDueAt,
    Instant noticeEndsAt,
    List<Step> history,
    List<DocumentInfo> documents,
    List<RequiredDocument> requiredDocuments,
    String nextStep) {

  /** One step of the history. */
  public record Step(Instant at, String step, String stepText, ApplicationStatus status, String decision,
      String comment, String actor) {}

  /** An uploaded document, without its content. */
  public record DocumentInfo(String id, String kind, String fileName, String contentType, int size, Instant uploadedAt,
      String url) {}

  /** A document the application needs, and whether one was uploaded. */
  public record RequiredDocument(String kind, String label, boolean uploaded) {}
}
