package cn.subsidy.portal;

import static cn.subsidy.support.Browser.expect;
import static cn.subsidy.support.Browser.screenshot;
import static cn.subsidy.support.Browser.shows;
import static cn.subsidy.support.Browser.showsPart;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Ids;
import cn.subsidy.support.Browser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The journey in a real browser: a villager applies on a phone (360 x 740), is told at once
 * that the identity number is wrong, submits with the right one and the documents photographed with
 * the phone, looks the application up; then a county official sees it in the report and opens its
 * full record. Also: the server's complete list of problems, and the page in English.
 */
class ApplicantJourneyBrowserTest extends PortalBrowserTest {

  @Test
  void applyOnAPhoneLookItUpAndAnOfficialSeesItInTheReport() throws IOException {
    RegistryEntry person = walk.newPerson("532527");
    String wrongId = Ids.withWrongCheck(person.idNumber());
    FilePayload cameraPhoto = TestFiles.cameraPhoto("IMG_20261123_0912.jpg");
    String applicationNo;
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/apply.html");
      shows(page.locator("h1"), "申请补贴");
      screenshot(page, "applicant-01-apply-form", true);

      ApplyFormPage form = new ApplyFormPage(page).transport().applicant("532527", person.name(), wrongId);
      // Checked while typing: the 18th character is wrong.
      showsPart(page.locator("#e-f-applicant-idNumber"), "身份证号码校验位错误");
      form.workAway(Walk.workStart()).account().document("ID_CARD", cameraPhoto)
          .document("EMPLOYMENT_PROOF", TestFiles.pdf("劳动合同.pdf")).document("ACCOUNT", TestFiles.photo("银行卡.jpg"))
          .document("PLEDGE", TestFiles.photo("承诺书.jpg")).pledge().submit();
      showsPart(page.locator(".summary-box"), "请改正以下 1 处问题");
      shows(page.locator(".summary-box li"), "身份证号码校验位错误，请核对每一位数字");
      screenshot(page, "applicant-02-wrong-identity-number", true);
      assertThat(applicationsOf(person.idNumber())).as("nothing is sent while the form has errors").isZero();

      form.idNumber(person.idNumber().toLowerCase());
      showsPart(page.locator("#f-applicant-idNumber ~ .field-ok"), "号码有效");
      form.submit();
      // The camera photo is scaled down on the phone before the four uploads: give it time.
      Browser.showsPartWithin(page.locator("#application-no"), "532527-", 60);
      shows(page.locator("#application-no"), Pattern.compile("532527-\\d{4}-\\d{6}"));
      applicationNo = page.locator("#application-no").textContent();
      expect(page.locator(".badge.good")).hasCount(4);
      screenshot(page, "applicant-03-submitted", true);
      assertThat(jdbc.sql("select count(*) from document where application_no = ?").param(applicationNo)
          .query(Long.class).single()).isEqualTo(4);
      long storedPhoto = jdbc.sql("select size_bytes from document where application_no = ? and kind = 'ID_CARD'")
          .param(applicationNo).query(Long.class).single();
      assertThat(cameraPhoto.buffer.length).as("the camera photo as taken").isGreaterThan(1_500_000);
      assertThat(storedPhoto).as("the photo as uploaded, scaled down on the phone").isLessThan(cameraPhoto.buffer.length);

      walk.awaitStatus(applicationNo, ApplicationStatus.UNDER_REVIEW);
      page.locator("#lookup-link").click();
      expect(page.locator("#lookup-no")).hasValue(applicationNo);
      page.fill("#lookup-id", person.idNumber());
      page.locator("#lookup-submit").click();
      shows(page.locator("#status"), "县级审核中");
      showsPart(page.locator("#timeline"), "提交申请");
      showsPart(page.locator("#timeline"), "自动资格审查：符合条件");
      expect(page.locator("#timeline li.future")).hasCount(3);
      showsPart(page.locator("#amount"), "元");
      expect(page.locator("#required-documents .badge.good")).hasCount(4);
      screenshot(page, "applicant-04-lookup", true);
    }

    try (BrowserContext desktop = browser.desktop()) {
      Page page = desktop.newPage();
      Browser.logIntoTasklist(page, "reviewer532527");
      page.navigate("/officials/reports.html");
      showsPart(page.locator("#user"), "reviewer532527");
      showsPart(page.locator("#rows-applications"), applicationNo);
      expect(page.locator("#rows-by-county tbody tr")).hasCount(1);
      expect(page.locator("#chart svg rect[data-series=\"submitted\"]").first()).isVisible();
      screenshot(page, "officials-01-reports", false);

      Download csv = page.waitForDownload(() -> page.locator("#table-applications a.download-csv").click());
      byte[] bytes = Files.readAllBytes(csv.path());
      assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
      assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(applicationNo + ",泸西县,一次性交通补助," + person.name());
      Download xlsx = page.waitForDownload(() -> page.locator("#download-all").click());
      assertThat(Files.readAllBytes(xlsx.path())).startsWith('P', 'K');

      page.locator("#rows-applications a", new Page.LocatorOptions().setHasText(applicationNo)).click();
      shows(page.locator("#record-no"), applicationNo);
      showsPart(page.locator("#applicant"), person.idNumber());
      showsPart(page.locator("#applicant"), "6228480012345678901");
      expect(page.locator("#document-table tbody tr")).hasCount(4);
      showsPart(page.locator("#history-table"), "applicant");
      showsPart(page.locator("#mail-table"), "已收到您的申请 " + applicationNo);
      screenshot(page, "officials-02-application-record", false);
    }
  }

  @Test
  void theServersCompleteListOfProblemsIsShownAtTheirFields() {
    RegistryEntry person = walk.newPerson("532527");
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      // A page whose own checks are out of date: the body is changed on its way to the server.
      page.route("**/api/applications", route -> {
        if (!"POST".equals(route.request().method())) {
          route.resume();
          return;
        }
        route.resume(new Route.ResumeOptions().setPostData(tampered(route.request().postData())));
      });
      page.navigate("/apply.html");
      new ApplyFormPage(page).transport().applicant("532527", person.name(), person.idNumber())
          .workAway(Walk.workStart()).account().transportDocuments().pledge().submit();
      shows(page.locator(".summary-box h2"), "系统检查发现 3 处问题，请改正后再提交");
      expect(page.locator(".summary-box li")).hasCount(3);
      shows(page.locator("#e-f-applicant-idNumber"), "身份证号码校验位错误，请核对每一位数字");
      showsPart(page.locator("#e-f-applicant-phone"), "11位");
      showsPart(page.locator("#e-f-account-number"), "10到30位数字");
      screenshot(page, "applicant-05-server-problems", true);
    }
    assertThat(applicationsOf(person.idNumber())).isZero();
  }

  @Test
  void englishIsOneTapAwayAndRemembered() {
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/apply.html");
      page.locator(".lang-switch").click();
      shows(page.locator("h1"), "Apply for a subsidy");
      page.reload();
      shows(page.locator("h1"), "Apply for a subsidy");
      shows(page.locator("#f-countyCode option").first(), "Choose");
      page.locator("label.choice:has(input[value=\"TRAINING\"])").click();
      page.fill("#f-applicant-idNumber", "110105194912310021");
      shows(page.locator("#e-f-applicant-idNumber"), "The identity number's check character is wrong; check every digit.");
      page.fill("#f-training-certificateDate", "2099-01-01");
      page.locator("#f-training-certificateDate").blur();
      shows(page.locator("#e-f-training-certificateDate"), "The date of issue cannot be in the future.");
      screenshot(page, "applicant-06-apply-in-english", true);
      page.navigate("/");
      showsPart(page.locator("#tile-apply"), "Apply");
      screenshot(page, "portal-01-landing-in-english", true);
      page.locator(".lang-switch").click();
      showsPart(page.locator("#tile-apply"), "申请补贴");
    }
  }

  private long applicationsOf(String idNumber) {
    return jdbc.sql("select count(*) from application where upper(id_number) = upper(?)").param(idNumber)
        .query(Long.class).single();
  }

  /** The body with a wrong identity number, a short phone number and a short account number. */
  private static String tampered(String body) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode request = (ObjectNode) json.readTree(body);
      ((ObjectNode) request.get("applicant")).put("idNumber", "110105194912310021").put("phone", "12345");
      ((ObjectNode) request.get("account")).put("number", "123");
      return json.writeValueAsString(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
