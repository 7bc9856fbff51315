package cn.subsidy.portal;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;

/** The application form of apply.html and clerk.html, filled in as a person does it, field by field. */
final class ApplyFormPage {

  private final Page page;

  ApplyFormPage(Page page) {
    this.page = page;
  }

  ApplyFormPage transport() {
    page.locator("label.choice:has(input[value=\"TRANSPORT\"])").click();
    return this;
  }

  ApplyFormPage applicant(String countyCode, String name, String idNumber) {
    page.selectOption("#f-countyCode", countyCode);
    page.fill("#f-applicant-name", name);
    page.fill("#f-applicant-idNumber", idNumber);
    page.fill("#f-applicant-phone", "13800138000");
    page.fill("#f-applicant-email", "v" + idNumber.toLowerCase() + "@villager.test");
    return this;
  }

  ApplyFormPage idNumber(String idNumber) {
    page.fill("#f-applicant-idNumber", idNumber);
    return this;
  }

  /** Works in another province since {@code start}. */
  ApplyFormPage workAway(LocalDate start) {
    page.fill("#f-transport-year", String.valueOf(start.getYear()));
    page.selectOption("#f-transport-band", "OTHER_PROVINCE");
    page.fill("#f-transport-workProvince", "广东省");
    page.fill("#f-transport-workPrefecture", "东莞市");
    page.fill("#f-transport-employer", "东莞某鞋业有限公司");
    page.fill("#f-transport-employmentStart", start.toString());
    return this;
  }

  ApplyFormPage account() {
    page.fill("#f-account-bank", "中国农业银行");
    page.fill("#f-account-number", "6228 4800 1234 5678 901");
    return this;
  }

  ApplyFormPage document(String kind, FilePayload file) {
    page.setInputFiles("#file-" + kind, file);
    return this;
  }

  /** The four documents a transport application needs. */
  ApplyFormPage transportDocuments() {
    return document("ID_CARD", TestFiles.photo("身份证.jpg"))
        .document("EMPLOYMENT_PROOF", TestFiles.pdf("劳动合同.pdf"))
        .document("ACCOUNT", TestFiles.photo("银行卡.jpg"))
        .document("PLEDGE", TestFiles.photo("承诺书.jpg"));
  }

  ApplyFormPage pledge() {
    page.check("#f-pledge");
    return this;
  }

  void submit() {
    page.locator("form button[type=\"submit\"]").click();
  }
}
