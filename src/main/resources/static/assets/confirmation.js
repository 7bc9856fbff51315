/* What the applicant sees once the application is in: its number, the documents, what happens next. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;

  var KIND = {
    ID_CARD: ['身份证', 'Identity card'], EMPLOYMENT_PROOF: ['就业证明', 'Proof of employment'],
    TICKET: ['往返车票', 'Travel tickets'], CERTIFICATE: ['证书', 'Certificate'],
    ATTENDANCE: ['培训考勤记录', 'Attendance record'], ACCOUNT: ['收款账户', 'Account'],
    PLEDGE: ['签字的承诺书', 'Signed pledge'], OTHER: ['其他材料', 'Other documents']
  };

  function kindText(kind) {
    var k = KIND[kind] || [kind, kind];
    return both(k[0], k[1]);
  }

  /**
   * The confirmation: {applicationNo, name, uploads: [{kind, name, ok, message}]}; extra.again is the
   * link to the next application.
   */
  function render(result, extra) {
    var failed = result.uploads.filter(function (u) { return !u.ok; });
    var closed = result.view && (result.view.status === 'REJECTED' || result.view.status === 'WITHDRAWN');
    var rejected = closed && result.view.reasons && result.view.reasons.length;
    var lookup = '/lookup.html?no=' + encodeURIComponent(result.applicationNo);
    var uploads = el('ul', { class: 'plain' });
    result.uploads.forEach(function (u) {
      uploads.appendChild(el('li', {}, el('strong', {}, kindText(u.kind)), ' ', u.name, ' ',
        u.ok ? el('span', { class: 'badge good' }, both('已上传', 'uploaded'))
          : el('span', { class: 'badge bad' }, both('未上传', 'not uploaded')),
        u.ok ? null : el('span', { class: 'field-error' }, P.said(u.message))));
    });
    return el('div', {},
      el('h1', { tabindex: '-1' }, both('申请已提交', 'Application submitted')),
      el('div', { class: 'notice-box' },
        el('p', {}, both('申请编号', 'Application number')),
        el('p', { class: 'big-number', id: 'application-no' }, result.applicationNo),
        el('p', {}, both('请记下或截图保存申请编号。查询进度时要用申请编号和身份证号码。',
          'Write the number down or take a screenshot: you need it and the identity number to check the progress.'))),
      rejected ? el('div', { class: 'summary-box', id: 'rejected' },
        el('h2', {}, both('申请未通过自动资格审查', 'The application did not pass the eligibility check')),
        el('ul', {}, result.view.reasons.map(function (r) { return el('li', {}, P.said(r)); })),
        el('p', {}, both('如果您认为有误，请带上身份证到县人社部门咨询；条件符合后可以重新申请。',
          'If you think this is wrong, ask the county\'s human resources office with your identity card; you may apply again once you qualify.'))) : null,
      failed.length && !rejected ? el('div', { class: 'warn-box' },
        el('p', {}, both('有 ' + failed.length + ' 份材料没有上传成功。申请已经保存，请在“查询进度”页面重新上传。',
          failed.length + ' document(s) did not upload. The application is saved; upload them again on the progress page.')),
        el('a', { class: 'button secondary', href: lookup }, both('去重新上传', 'Upload them again'))) : null,
      result.uploads.length && !rejected ? el('div', { class: 'card' }, el('h2', {}, both('材料', 'Documents')), uploads) : null,
      rejected ? null : el('div', { class: 'card' },
        el('h2', {}, both('接下来', 'What happens next')),
        el('ol', { class: 'steps' },
          el('li', {}, both('系统自动审查资格，几分钟内完成。不符合条件的，会列出全部原因。',
            'The eligibility check runs within minutes. If it fails, every reason is listed.')),
          el('li', {}, both('县里在10个工作日内审核。缺材料时会一次告诉您要补的全部内容，请在10个工作日内补上。',
            'The county reviews the application within 10 working days. If anything is missing you are told everything at once; answer within 10 working days.')),
          el('li', {}, both('公示5个工作日，然后报省里审批。', 'Public notice for 5 working days, then provincial approval.')),
          el('li', {}, both('批准后打到您本人的社保卡或银行卡。', 'Once approved, the money is paid into your own card or account.'))),
        el('p', {}, both('填写了电子邮箱的，每一步都会发邮件告诉您。', 'If you gave an email address, you get a message at each step.'))),
      el('div', { class: 'actions' },
        el('a', { class: 'button primary', href: lookup, id: 'lookup-link' }, both('查看办理进度', 'See the progress')),
        extra && extra.again));
  }

  window.Confirmation = { render: render, kindText: kindText };
}());
