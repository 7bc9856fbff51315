package cn.subsidy.application;

import cn.subsidy.calendar.Deadlines;
import cn.subsidy.security.Staff;
import cn.subsidy.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds applications for those who may see them: the applicant, who proves it with the identity
 * number, or an official of the county, its province or its finance staff. Anyone else gets the same
 * "not found" as for a number that does not exist.
 */
@Component
public class ApplicationReader {

  static final String NOT_FOUND = "没有找到该申请：请核对申请编号和身份证号码 / No application with this number and identity"
      + " number.";

  private final Applications applications;
  private final Documents documents;
  private final Supplements supplements;
  private final Deadlines deadlines;

  ApplicationReader(Applications applications, Documents documents, Supplements supplements, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.applications = applications;
    this.documents = documents;
    this.supplements = supplements;
  }

  /** The application if {@code idNumber} is its applicant's (x or X alike). */
  public Application forApplicant(String applicationNo, String idNumber) {
    Optional<Application> application = applications.find(applicationNo == null ? "" : applicationNo.trim());
    if (application.isEmpty() || idNumber == null
        || !application.get().idNumber().equalsIgnoreCase(idNumber.trim())) {
      throw new NotFoundException(NOT_FOUND);
    }
    return application.get();
  }

  /** The application if the official may see its county's data. */
  public Application forStaff(String applicationNo, Staff staff) {
    return applications.find(applicationNo == null ? "" : applicationNo.trim())
        .filter(a -> staff.mayRead(a.countyCode()))
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  /** The application for whoever asks: applicant header first, else the official. */
  public Application forCaller(String applicationNo, String idNumber, Staff staff) {
    if (idNumber != null) {
      return forApplicant(applicationNo, idNumber);
    }
    if (staff != null) {
      return forStaff(applicationNo, staff);
    }
    throw new NotFoundException(NOT_FOUND);
  }

  /** The status view; officials also see who took each step. */
  public ApplicationView view(Application a, boolean forOfficials) {
    List<Reason> reasons = a.status() == ApplicationStatus.REJECTED ? applications.reasons(a.applicationNo())
        : List.of();
    Optional<Supplements.SupplementRequest> supplement = a.status() == ApplicationStatus.SUPPLEMENT_REQUIRED
        ? supplements.latest(a.applicationNo()).filter(s -> s.answeredAt() == null) : Optional.empty();
    List<Documents.Document> docs = documents.of(a.applicationNo());
    List<ApplicationView.Step> history = applications.history(a.applicationNo()).stream()
        .map(e -> new ApplicationView.Step(e.occurredAt(), e.step(), Steps.text(e.step()), e.status(), e.decision(),
            forOfficials || Steps.commentIsPublic(e.step()) ? e.comment() : null,
            forOfficials ? e.actor() : null))
        .toList();
    return new ApplicationView(a.applicationNo(), a.type(), a.type().chinese() + " / " + a.type().english(),
        a.countyCode(), a.status(), a.status().chinese() + " / " + a.status().english(), a.amount(), a.amountDetail(),
        reasons.stream().map(Reason::message).toList(), reasons,
        supplement.map(Supplements.SupplementRequest::items).orElse(List.of()),
        supplement.map(s -> deadlines.dueAfter("supplement", s.requestedAt())).orElse(null),
        a.status() == ApplicationStatus.PUBLIC_NOTICE ? a.noticeEndsAt() : null,
        history,
        docs.stream().map(d -> new ApplicationView.DocumentInfo(d.id().toString(), d.kind().name(), d.fileName(),
            d.contentType(), d.sizeBytes(), d.uploadedAt(), documentUrl(a.applicationNo(), d))).toList(),
        DocumentKind.requiredFor(a).stream().map(kind -> new ApplicationView.RequiredDocument(kind.name(),
            kind.chinese(), docs.stream().anyMatch(d -> d.kind() == kind))).toList(),
        Steps.next(a.status()));
  }

  public static String documentUrl(String applicationNo, Documents.Document document) {
    return "/api/applications/" + applicationNo + "/documents/" + document.id();
  }
}
