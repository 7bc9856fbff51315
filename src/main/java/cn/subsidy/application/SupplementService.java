package cn.subsidy.application;

import cn.subsidy.web.ConflictException;
import cn.subsidy.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant answers a supplement request (补正): after uploading the missing documents, they submit
 * the supplement, and the application goes back to the county review with what changed.
 */
@Service
class SupplementService {

  static final String MESSAGE = "SupplementAnswered";

  private final Applications applications;
  private final Supplements supplements;
  private final Documents documents;
  private final ApplicationLifecycle lifecycle;
  private final RuntimeService runtimeService;
  private final Clock clock;

  SupplementService(Applications applications, Supplements supplements, Documents documents,
      ApplicationLifecycle lifecycle, RuntimeService runtimeService, Clock clock) {
    this.applications = applications;
    this.supplements = supplements;
    this.documents = documents;
    this.lifecycle = lifecycle;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  @Transactional
  String answer(Application application, String note) {
    Application locked = applications.findForUpdate(application.applicationNo()).orElseThrow();
    Supplements.SupplementRequest request = supplements.latest(locked.applicationNo())
        .filter(r -> r.answeredAt() == null && locked.status() == ApplicationStatus.SUPPLEMENT_REQUIRED)
        .orElseThrow(() -> new ConflictException("该申请没有待补正的要求 / The application is not waiting for a"
            + " supplement."));
    List<String> newDocuments = documents.of(locked.applicationNo()).stream()
        .filter(d -> !d.uploadedAt().isBefore(request.requestedAt()))
        .map(d -> d.kind().chinese() + "：" + d.fileName()).toList();
    String noteText = note == null || note.isBlank() ? null : note.strip();
    if (newDocuments.isEmpty() && noteText == null) {
      throw new InvalidRequestException("file", "请先上传补正材料（或写明补正说明）再提交补正 / Upload the missing documents"
          + " (or write a note) before submitting the supplement.");
    }
    if (noteText != null && noteText.length() > 2000) {
      throw new InvalidRequestException("note", "补正说明不能超过2000字 / The note must be at most 2000 characters.");
    }
    String changes = (newDocuments.isEmpty() ? "" : "新上传材料：" + String.join("；", newDocuments))
        + (noteText == null ? "" : (newDocuments.isEmpty() ? "" : "\n") + "说明：" + noteText);
    Instant now = clock.instant();
    supplements.answer(locked.applicationNo(), request.round(), now, changes);
    lifecycle.recordDecision(locked.applicationNo(), "SUPPLEMENT_ANSWERED", "applicant", null, changes);
    runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(locked.applicationNo())
        .setVariable("supplementChanges", changes).correlateWithResult();
    return changes;
  }
}
