package cn.subsidy.portal;

import static cn.subsidy.support.Browser.expect;
import static cn.subsidy.support.Browser.screenshot;
import static cn.subsidy.support.Browser.shows;
import static cn.subsidy.support.Browser.showsPart;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.support.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The officials' pages in a browser: the landing page's links, the login hint, the reports on a
 * phone and in English, a designer without reports, and a finance officer's payment batch from the
 * bank file to the bank's result, after which the applicant corrects the failed account on a phone.
 */
class OfficialsBrowserTest extends PortalBrowserTest {

  @Test
  void theLandingPageLeadsToEveryPage() {
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      Response landing = page.navigate("/");
      assertThat(landing.status()).isEqualTo(200);
      assertThat(page.url()).isEqualTo("http://localhost:" + port + "/");
      for (String link : List.of("/apply.html", "/lookup.html", "/notices.html", "/clerk.html", "/camunda/app/tasklist/",
          "/officials/reports.html", "/officials/payments.html", "/camunda/app/cockpit/", "/camunda/app/admin/")) {
        expect(page.locator("a[href=\"" + link + "\"]")).hasCount(1);
      }
      screenshot(page, "portal-02-landing", true);
    }
  }

  @Test
  void officialsPagesSayHowToLogIn() {
    try (BrowserContext desktop = browser.desktop()) {
      Page page = desktop.newPage();
      page.navigate("/officials/reports.html");
      shows(page.locator("#login-needed h1"), "请先登录");
      expect(page.locator("#login-needed a[href=\"/camunda/app/tasklist/\"]")).isVisible();
      screenshot(page, "officials-03-login-needed", false);
      page.navigate("/officials/payments.html");
      shows(page.locator("#login-needed h1"), "请先登录");
    }
  }

  @Test
  void reportsFitAPhoneAndSpeakEnglish() {
    walk.applicationUnderReview("520181");
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      Browser.logIntoTasklist(page, "approver52");
      page.navigate("/officials/reports.html");
      showsPart(page.locator("#scope"), "清镇市");
      expect(page.locator("#chart svg")).isVisible();
      screenshot(page, "officials-04-reports-on-a-phone", true);
      page.locator(".lang-switch").click();
      shows(page.locator("h1"), "Reports");
      showsPart(page.locator("#table-by-county h2"), "By county");
      showsPart(page.locator("#rows-by-status"), "under county review");
      screenshot(page, "officials-05-reports-in-english", true);
      page.locator(".lang-switch").click();
    }
  }

  @Test
  void aDesignerHasNoReports() {
    try (BrowserContext desktop = browser.desktop()) {
      Page page = desktop.newPage();
      // Designers have Cockpit, not Tasklist.
      Browser.logIn(page, "cockpit", "designer");
      page.navigate("/officials/reports.html");
      showsPart(page.locator("#report .summary-box"), "不能查看统计报表");
      screenshot(page, "officials-06-designer-has-no-reports", false);
    }
  }

  @Test
  void financePaysABatchAndTheApplicantCorrectsAFailedAccount() throws IOException {
    String paid = walk.applicationUnderReview("520181");
    String failed = walk.applicationUnderReview("520181");
    walk.approve(paid);
    walk.approve(failed);
    try (BrowserContext desktop = browser.desktop()) {
      Page page = desktop.newPage();
      Browser.logIntoTasklist(page, "finance520181");
      page.navigate("/officials/payments.html");
      showsPart(page.locator("#open-table"), paid);
      showsPart(page.locator("#open-table"), failed);
      screenshot(page, "officials-07-payments-waiting", false);

      page.locator("#create-batch").click();
      Locator batch = page.locator("#batches .card.notice-box");
      showsPart(batch, "已发送，等待回盘");
      Download bankFile = page.waitForDownload(() -> batch.locator("a.bank-file").click());
      String bankCsv = Files.readString(bankFile.path(), StandardCharsets.UTF_8);
      assertThat(bankCsv).contains(paid).contains(failed);

      batch.locator("input[type=\"file\"]").setInputFiles(TestFiles.csv("回盘.csv", "applicationNo,result,reason\n"
          + paid + ",PAID,\n" + failed + ",FAILED,账户已注销\n"));
      batch.locator("button.upload-result").click();
      showsPart(batch.locator(".result-summary"), "已记录 2 行，未处理 0 行");
      showsPart(batch, "已记录回盘");
      expect(batch.locator(".result-lines tbody tr")).hasCount(2);
      screenshot(page, "officials-08-bank-result-recorded", false);

      // The same file again changes nothing, and each line says so.
      batch.locator("input[type=\"file\"]").setInputFiles(TestFiles.csv("回盘.csv", "applicationNo,result,reason\n"
          + paid + ",PAID,\n" + failed + ",FAILED,账户已注销\n"));
      batch.locator("button.upload-result").click();
      showsPart(batch.locator(".result-summary"), "已记录 0 行，未处理 2 行");
      showsPart(batch.locator(".result-lines"), "结果已记录过，无变化");
    }
    walk.awaitStatus(paid, ApplicationStatus.PAID);
    walk.awaitStatus(failed, ApplicationStatus.PAYMENT_FAILED);

    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/lookup.html?no=" + failed);
      page.fill("#lookup-id", walk.idNumberOf(failed));
      page.locator("#lookup-submit").click();
      shows(page.locator("#status"), "支付失败");
      expect(page.locator("#account-number")).isVisible();
      screenshot(page, "applicant-11-payment-failed", true);
      page.fill("#account-bank", "农村信用社");
      page.fill("#account-number", "6217 0000 1111 2222 333");
      page.locator("#account-submit").click();
      shows(page.locator("#status"), "已批准");
      screenshot(page, "applicant-12-account-corrected", true);
    }
    // The corrected account is paid in a new batch, so that no open payment is left behind.
    long again = walk.createBatch("520181");
    walk.bankResult("520181", again, failed + ",PAID,");
    walk.awaitStatus(failed, ApplicationStatus.PAID);
  }
}
