package cn.subsidy.application;

import cn.subsidy.web.ConflictException;
import cn.subsidy.web.InvalidRequestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Uploads: PDF, JPEG or PNG only, recognised by their content; at most the configured size; while
 * the application can still use them.
 */
@Service
class DocumentService {

  /** Statuses in which documents may still be added. */
  static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
      ApplicationStatus.SUPPLEMENT_REQUIRED, ApplicationStatus.PAYMENT_FAILED);

  private final Applications applications;
  private final Documents documents;
  private final ApplicationLifecycle lifecycle;
  private final Clock clock;
  private final DataSize maxSize;
  private final int maxPerApplication;

  DocumentService(Applications applications, Documents documents, ApplicationLifecycle lifecycle, Clock clock,
      @Value("${subsidy.documents.max-size:10MB}") DataSize maxSize,
      @Value("${subsidy.documents.max-per-application:30}") int maxPerApplication) {
    this.applications = applications;
    this.documents = documents;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.maxSize = maxSize;
    this.maxPerApplication = maxPerApplication;
  }

  @Transactional
  Documents.Document upload(Application application, String kindText, String originalName, byte[] content,
      String uploadedBy) {
    DocumentKind kind = kindText == null || kindText.isBlank() ? DocumentKind.OTHER : DocumentKind.parse(kindText)
        .orElseThrow(() -> new InvalidRequestException("kind", "材料类别应为 " + EnumSet.allOf(DocumentKind.class)
            + " 之一 / kind must be one of " + EnumSet.allOf(DocumentKind.class)));
    if (content.length == 0) {
      throw new InvalidRequestException("file", "文件是空的 / The file is empty.");
    }
    if (content.length > maxSize.toBytes()) {
      throw new InvalidRequestException("file", "文件超过" + maxSize.toMegabytes() + "MB / The file is larger than "
          + maxSize.toMegabytes() + " MB.");
    }
    String contentType = DocumentContent.sniff(content).orElseThrow(() -> new InvalidRequestException("file",
        "只能上传PDF、JPEG或PNG文件（按文件内容判断，不看扩展名）/ Only PDF, JPEG and PNG files are accepted (judged by"
            + " their content, not their name)."));
    Application locked = applications.findForUpdate(application.applicationNo()).orElseThrow();
    if (!OPEN.contains(locked.status())) {
      throw new ConflictException("申请当前状态为“" + locked.status().chinese() + "”，不能再上传材料 / Documents can no"
          + " longer be added to an application that is " + locked.status().english() + ".");
    }
    if (documents.count(application.applicationNo()) >= maxPerApplication) {
      throw new ConflictException("每个申请最多上传" + maxPerApplication + "份材料 / At most " + maxPerApplication
          + " documents per application.");
    }
    Documents.Document document = new Documents.Document(UUID.randomUUID(), application.applicationNo(), kind,
        contentType, content.length, sha256(content), DocumentContent.displayName(originalName, contentType),
        clock.instant(), uploadedBy);
    documents.add(document, content);
    lifecycle.recordDecision(application.applicationNo(), "DOCUMENT_UPLOADED", uploadedBy, kind.name(),
        document.fileName());
    return document;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
