package cn.subsidy.portal;

import static cn.subsidy.support.Browser.expect;
import static cn.subsidy.support.Browser.screenshot;
import static cn.subsidy.support.Browser.shows;
import static cn.subsidy.support.Browser.showsPart;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.person.Masking;
import cn.subsidy.support.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What applicants and the public do on their phones after applying: answer the county's supplement
 * request with a new document, and read a county's public notice and object to an entry.
 */
class ApplicantActionsBrowserTest extends PortalBrowserTest {

  @Test
  void answerASupplementRequestWithANewDocument() {
    String no = walk.applicationUnderReview("532527");
    walk.complete("reviewer532527", no, "Task_CountyReview", Map.of("countyDecision", "SUPPLEMENT",
        "countyComment", "请补充材料", "missingItems", "身份证背面照片\n劳动合同（须有单位盖章）"));
    walk.awaitStatus(no, ApplicationStatus.SUPPLEMENT_REQUIRED);
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/lookup.html?no=" + no);
      page.fill("#lookup-id", walk.idNumberOf(no));
      page.locator("#lookup-submit").click();
      shows(page.locator("#status"), "待补正材料");
      expect(page.locator("#supplement li")).hasCount(2);
      showsPart(page.locator("#supplement"), "劳动合同（须有单位盖章）");
      showsPart(page.locator("#timeline"), "需要补正");
      screenshot(page, "applicant-07-supplement-requested", true);

      page.selectOption("#upload-kind", "EMPLOYMENT_PROOF");
      page.setInputFiles("#upload-file", TestFiles.pdf("劳动合同-盖章.pdf"));
      showsPart(page.locator("#documents"), "劳动合同-盖章.pdf");
      page.fill("#supplement-note", "已补充盖章的劳动合同和身份证背面。");
      page.locator("#supplement-submit").click();
      walk.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
      page.locator("#status-card button").click();
      shows(page.locator("#status"), "县级审核中");
      showsPart(page.locator("#timeline"), "已提交补正材料");
      screenshot(page, "applicant-08-supplement-answered", true);
    }
  }

  @Test
  void readTheCountysPublicNoticeAndObject() {
    String no = walk.applicationUnderReview("532527");
    walk.complete("reviewer532527", no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    walk.awaitStatus(no, ApplicationStatus.PUBLIC_NOTICE);
    String name = jdbc.sql("select name from application where application_no = ?").param(no).query(String.class)
        .single();
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/notices.html");
      page.selectOption("#notice-county", "532527");
      Locator entry = page.locator("li.notice-entry[data-application=\"" + no + "\"]");
      showsPart(entry, Masking.name(name));
      showsPart(entry, Masking.idNumber(walk.idNumberOf(no)));
      assertThat(entry.innerText()).doesNotContain(name).doesNotContain(walk.idNumberOf(no));
      screenshot(page, "applicant-09-public-notice", true);

      entry.locator("button[aria-expanded]").click();
      entry.locator("textarea").fill("此人一直在本村务农，没有外出务工。");
      entry.locator("button[type=\"submit\"]").click();
      showsPart(entry.locator(".notice-box"), "异议已受理");
      screenshot(page, "applicant-10-objection-sent", true);
    }
    assertThat(jdbc.sql("select reason from objection where application_no = ?").param(no).query(String.class).list())
        .containsExactly("此人一直在本村务农，没有外出务工。");
    // A link can name the county.
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/notices.html?county=520181");
      showsPart(page.locator("#notice-list h2"), "清镇市");
    }
  }
}
