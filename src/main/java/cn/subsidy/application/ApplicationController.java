package cn.subsidy.application;

import cn.subsidy.security.Staff;
import cn.subsidy.web.InvalidRequestException;
import cn.subsidy.web.NotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicants' API: apply (online, or through a clerk), follow the status, upload documents and
 * answer supplement requests. Applicants prove who they are with {@code X-Id-Number}; officials of the
 * application's county or province use their credentials instead.
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

  static final String ID_HEADER = "X-Id-Number";

  private final ApplicationService service;
  private final ApplicationReader reader;
  private final DocumentService documentService;
  private final Documents documents;
  private final SupplementService supplements;

  ApplicationController(ApplicationService service, ApplicationReader reader, DocumentService documentService,
      Documents documents, SupplementService supplements) {
    this.service = service;
    this.reader = reader;
    this.documentService = documentService;
    this.documents = documents;
    this.supplements = supplements;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApplicationService.Submitted> submit(@RequestBody ApplicationRequest request,
      @RequestAttribute(name = Staff.ATTRIBUTE, required = false) Staff staff) {
    Channel channel = request != null && request.agent() != null ? Channel.CLERK : Channel.ONLINE;
    String filedBy = filedBy(request, staff);
    ApplicationService.Submitted submitted = service.submit(request, channel, filedBy);
    return ResponseEntity.created(URI.create("/api/applications/" + submitted.applicationNo())).body(submitted);
  }

  @GetMapping("/{applicationNo}")
  ApplicationView status(@PathVariable String applicationNo,
      @RequestHeader(name = ID_HEADER, required = false) String idNumber,
      @RequestAttribute(name = Staff.ATTRIBUTE, required = false) Staff staff) {
    Application application = reader.forCaller(applicationNo, idNumber, staff);
    return reader.view(application, idNumber == null);
  }

  @PostMapping(path = "/{applicationNo}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ApplicationView.DocumentInfo> upload(@PathVariable String applicationNo,
      @RequestHeader(name = ID_HEADER, required = false) String idNumber,
      @RequestAttribute(name = Staff.ATTRIBUTE, required = false) Staff staff,
      @RequestPart("file") MultipartFile file, @RequestParam(name = "kind", required = false) String kind)
      throws IOException {
    Application application = reader.forCaller(applicationNo, idNumber, staff);
    Documents.Document d = documentService.upload(application, kind, file.getOriginalFilename(), file.getBytes(),
        idNumber != null ? "applicant" : staff.userId());
    String url = ApplicationReader.documentUrl(applicationNo, d);
    return ResponseEntity.created(URI.create(url)).body(new ApplicationView.DocumentInfo(d.id().toString(),
        d.kind().name(), d.fileName(), d.contentType(), d.sizeBytes(), d.uploadedAt(), url));
  }

  @GetMapping("/{applicationNo}/documents")
  List<ApplicationView.DocumentInfo> documents(@PathVariable String applicationNo,
      @RequestHeader(name = ID_HEADER, required = false) String idNumber,
      @RequestAttribute(name = Staff.ATTRIBUTE, required = false) Staff staff) {
    return reader.view(reader.forCaller(applicationNo, idNumber, staff), false).documents();
  }

  @GetMapping("/{applicationNo}/documents/{documentId}")
  ResponseEntity<byte[]> document(@PathVariable String applicationNo, @PathVariable String documentId,
      @RequestHeader(name = ID_HEADER, required = false) String idNumber,
      @RequestAttribute(name = Staff.ATTRIBUTE, required = false) Staff staff) {
    Application application = reader.forCaller(applicationNo, idNumber, staff);
    UUID id;
    try {
      id = UUID.fromString(documentId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(ApplicationReader.NOT_FOUND);
    }
    Documents.Document d = documents.find(application.applicationNo(), id)
        .orElseThrow(() -> new cn.subsidy.web.NotFoundException(ApplicationReader.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; object-src 'self'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(documents.content(d.id()));
  }

  @PostMapping("/{applicationNo}/supplement")
  Map<String, Object> answerSupplement(@PathVariable String applicationNo,
      @RequestHeader(name = ID_HEADER, required = false) String idNumber,
      @RequestBody(required = false) Map<String, Object> body) {
    Application application = reader.forApplicant(applicationNo, idNumber);
    Object note = body == null ? null : body.get("note");
    if (note != null && !(note instanceof String)) {
      throw new InvalidRequestException("note", "补正说明应为文字 / note must be text.");
    }
    String changes = supplements.answer(application, (String) note);
    return Map.of("applicationNo", application.applicationNo(),
        "status", reader.forApplicant(applicationNo, idNumber).status(), "changes", changes);
  }

  private static String filedBy(ApplicationRequest request, Staff staff) {
    if (request != null && request.agent() != null && request.agent().name() != null) {
      String organization = request.agent().organization() == null ? "" : "（" + request.agent().organization().strip()
          + "）";
      String text = "代办 " + request.agent().name().strip() + organization;
      return text.length() > 100 ? text.substring(0, 100) : text;
    }
    return staff == null ? null : staff.userId();
  }
}
