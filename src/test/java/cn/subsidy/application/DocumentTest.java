package cn.subsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents: PDF, JPEG, PNG by content; kept in PostgreSQL; readable by the applicant and the county's officials only. */
@IntegrationTest
class DocumentTest {

  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcClient jdbc;

  String no;
  RegistryEntry person;
  Http applicant;

  @BeforeEach
  void application() {
    journeys.on(port);
    person = journeys.newPerson("532527");
    no = journeys.submit(Journeys.transport(person, LocalDate.now(Journeys.BEIJING).minusMonths(5), "OTHER_PROVINCE"));
    applicant = Http.anonymous(port).header("X-Id-Number", person.idNumber());
  }

  int documents() {
    return jdbc.sql("select count(*) from document where application_no = ?").param(no).query(Integer.class).single();
  }

  @Test
  void pdfJpegAndPngAreAcceptedByTheirContent() {
    assertThat(applicant.upload("/api/applications/" + no + "/documents?kind=ID_CARD", "id.jpg", "image/jpeg", JPEG)
        .status()).isEqualTo(201);
    assertThat(applicant.upload("/api/applications/" + no + "/documents?kind=ACCOUNT", "card.png", "image/png", PNG)
        .status()).isEqualTo(201);
    Http.Response pdf = applicant.upload("/api/applications/" + no + "/documents?kind=PLEDGE", "承诺书.pdf",
        "application/octet-stream", PDF);
    assertThat(pdf.status()).isEqualTo(201);
    assertThat(pdf.json().get("contentType").asText()).as("by content, not by the declared type")
        .isEqualTo("application/pdf");
    JsonNode view = journeys.status(no, person.idNumber());
    assertThat(view.get("documents").findValuesAsText("fileName")).containsExactly("id.jpg", "card.png", "承诺书.pdf");
    assertThat(view.get("requiredDocuments").toString()).contains("\"kind\":\"PLEDGE\",\"label\":\"签字的承诺书\",\"uploaded\":true");

    Http.Response download = applicant.get(pdf.json().get("url").asText());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.body()).startsWith("%PDF-1.7");
  }

  @Test
  void anythingElseIsRefusedWhateverItsNameAndNothingIsStored() {
    Http.Response script = applicant.upload("/api/applications/" + no + "/documents", "证明.pdf", "application/pdf",
        "<script>alert(1)</script>".getBytes());
    assertThat(script.status()).isEqualTo(400);
    assertThat(script.json().get("errors").get(0).get("message").asText()).contains("PDF、JPEG或PNG");
    assertThat(applicant.upload("/api/applications/" + no + "/documents", "empty.pdf", "application/pdf",
        new byte[0]).status()).isEqualTo(400);
    assertThat(applicant.upload("/api/applications/" + no + "/documents?kind=PASSPORT", "p.pdf", "application/pdf",
        PDF).status()).isEqualTo(400);
    byte[] huge = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    assertThat(applicant.upload("/api/applications/" + no + "/documents", "big.pdf", "application/pdf", huge).status())
        .isEqualTo(413);
    assertThat(documents()).isZero();
  }

  @Test
  void theOriginalFileNameIsNeverAPath() {
    Http.Response response = applicant.upload("/api/applications/" + no + "/documents", "../../etc/passwd\".pdf",
        "application/pdf", PDF);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("fileName").asText()).isEqualTo("passwd_.pdf");
    assertThat(applicant.upload("/api/applications/" + no + "/documents", "..\\..\\windows\\system32", "image/png", PNG)
        .json().get("fileName").asText()).isEqualTo("system32.png");
  }

  @Test
  void onlyTheApplicantAndTheCountysOfficialsMayReadThem() {
    String url = applicant.upload("/api/applications/" + no + "/documents", "id.png", "image/png", PNG).json()
        .get("url").asText();
    assertThat(Http.as(port, "reviewer532527", "demo").get(url).status()).isEqualTo(200);
    assertThat(Http.as(port, "approver53", "demo").get(url).status()).isEqualTo(200);
    assertThat(Http.as(port, "finance532527", "demo").get(url).status()).isEqualTo(200);
    assertThat(Http.as(port, "reviewer520181", "demo").get(url).status()).isEqualTo(404);
    assertThat(Http.as(port, "designer", "demo").get(url).status()).isEqualTo(404);
    assertThat(Http.anonymous(port).get(url).status()).isEqualTo(404);
    RegistryEntry other = journeys.newPerson("532527");
    assertThat(Http.anonymous(port).header("X-Id-Number", other.idNumber()).get(url).status()).isEqualTo(404);
    assertThat(Http.anonymous(port).header("X-Id-Number", other.idNumber())
        .upload("/api/applications/" + no + "/documents", "x.png", "image/png", PNG).status()).isEqualTo(404);
  }

  @Test
  void aTasklistSessionOpensTheDocumentLinksOfTheTaskForm() {
    String url = applicant.upload("/api/applications/" + no + "/documents", "id.png", "image/png", PNG).json()
        .get("url").asText();
    Http tasklist = Http.anonymous(port);
    tasklist.loginToWebapp("tasklist", "reviewer532527", "demo");
    assertThat(tasklist.get(url).status()).isEqualTo(200);
    assertThat(tasklist.upload("/api/applications/" + no + "/documents", "x.png", "image/png", PNG).status())
        .as("a session without X-Requested-With changes nothing").isEqualTo(404);
    assertThat(tasklist.header("X-Requested-With", "XMLHttpRequest")
        .upload("/api/applications/" + no + "/documents", "x.png", "image/png", PNG).status()).isEqualTo(201);
  }
}
