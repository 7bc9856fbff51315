/*
 * officials/application.html?no=...: an application's full record for the officials who may see it:
 * the data as filed, the documents, every step and decision with who and when, objections, payment
 * and the mails sent.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;

  var CHANNEL = { ONLINE: ['本人网上申请', 'online by the applicant'], CLERK: ['代办', 'filed by a clerk'],
    BATCH: ['县级批量导入', 'county batch import'] };
  var MAIL_STATUS = { PENDING: ['待发送', 'pending', 'badge wait'], SENT: ['已发送', 'sent', 'badge good'],
    FAILED: ['发送失败', 'failed', 'badge bad'] };

  function facts(pairs) {
    var list = el('dl', { class: 'facts' });
    pairs.forEach(function (p) {
      if (p[2] === null || p[2] === undefined || p[2] === '') {
        return;
      }
      list.appendChild(el('dt', {}, both(p[0], p[1])));
      list.appendChild(el('dd', {}, p[2]));
    });
    return list;
  }

  function card(id, zh, en) {
    var args = Array.prototype.slice.call(arguments, 3);
    return el('div', { class: 'card', id: id }, el('h2', {}, both(zh, en)), args);
  }

  function render(view, record, mails) {
    var section = document.getElementById('record');
    section.textContent = '';
    document.getElementById('record-no').textContent = view.applicationNo;
    var a = record.applicant;
    var d = record.details;
    var channel = CHANNEL[record.channel] || [record.channel, record.channel];

    section.appendChild(el('div', { class: 'grid-2' },
      card('summary', '概况', 'Summary', facts([
        ['补贴', 'Subsidy', P.said(view.typeText)],
        ['县', 'County', record.county + '（' + record.countyCode + '）'],
        ['状态', 'Status', el('span', { class: 'badge', id: 'record-status' }, P.said(view.statusText))],
        ['金额', 'Amount', view.amount !== undefined ? P.money(view.amount) : both('尚未核定', 'not determined')],
        ['计算', 'Calculation', view.amountDetail ? P.said(view.amountDetail) : null],
        ['下一步', 'Next', P.said(view.nextStep)],
        ['未通过原因', 'Reasons', view.reasons && view.reasons.length ? el('ul', {}, view.reasons.map(function (r) { return el('li', {}, P.said(r)); })) : null],
        ['待补正', 'Supplement', view.missingItems && view.missingItems.length ? el('ul', {}, view.missingItems.map(function (r) { return el('li', {}, r); })) : null],
        ['公示截止', 'Notice ends', view.noticeEndsAt ? P.time(view.noticeEndsAt) : null]])),
      card('applicant', '申请人', 'Applicant', facts([
        ['姓名', 'Name', a.name],
        ['身份证号码', 'Identity number', a.idNumber],
        ['性别', 'Sex', P.said(a.sex)],
        ['出生日期 / 年龄', 'Born / age', a.birthDate + ' / ' + a.age],
        ['台账', 'Registry', P.said(a.registry)],
        ['电话', 'Phone', a.phone],
        ['邮箱', 'Email', a.email],
        ['收款账户', 'Account', record.account.bank + ' ' + record.account.number],
        ['承诺书', 'Pledge', record.pledge ? both('已签署', 'signed') : both('未签署', 'not signed')],
        ['申请方式', 'Channel', both(channel[0], channel[1])],
        ['经办', 'Filed by', record.filedBy],
        ['提交时间', 'Submitted', P.time(record.submittedAt)]]))));

    section.appendChild(card('details', '申请内容', 'Application', facts(record.type === 'TRAINING' ? [
      ['培训职业', 'Occupation', d.occupation],
      ['证书', 'Certificate', d.levelText + '，' + d.certificateNo],
      ['发证日期', 'Issued', d.certificateDate],
      ['培训天数', 'Training days', String(d.trainingDays)]] : [
      ['补助年度', 'Year', String(d.year)],
      ['务工地', 'Place of work', d.bandText + '：' + [d.workProvince, d.workPrefecture, d.workCounty].filter(Boolean).join(' ')],
      ['就业单位', 'Employer', d.employer],
      ['开始务工', 'Employment start', d.employmentStart],
      ['车费', 'Fare', d.fare !== undefined && d.fare !== null ? P.money(d.fare) : null]])));

    section.appendChild(card('documents', '材料', 'Documents',
      el('ul', { class: 'plain' }, (view.requiredDocuments || []).map(function (r) {
        return el('li', {}, Confirmation.kindText(r.kind), ' ', r.uploaded ? el('span', { class: 'badge good' }, both('已上传', 'uploaded'))
          : el('span', { class: 'badge bad' }, both('缺', 'missing')));
      })),
      (view.documents || []).length ? el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: 'document-table' },
        el('thead', {}, el('tr', {}, el('th', {}, both('类别', 'Kind')), el('th', {}, both('文件', 'File')),
          el('th', { class: 'num' }, both('大小', 'Size')), el('th', {}, both('上传时间', 'Uploaded')))),
        el('tbody', {}, view.documents.map(function (doc) {
          return el('tr', {}, el('td', {}, Confirmation.kindText(doc.kind)),
            el('td', {}, el('a', { href: doc.url, target: '_blank', rel: 'noopener' }, doc.fileName)),
            el('td', { class: 'num' }, Math.max(1, Math.round(doc.size / 1024)) + ' KB'), el('td', { class: 'nowrap' }, P.time(doc.uploadedAt)));
        })))) : el('p', { class: 'muted' }, both('还没有上传材料', 'No documents yet'))));

    section.appendChild(card('history', '办理记录', 'History', el('div', { class: 'table-wrap' },
      el('table', { class: 'data', id: 'history-table' },
        el('thead', {}, el('tr', {}, el('th', {}, both('时间', 'When')), el('th', {}, both('步骤', 'Step')),
          el('th', {}, both('状态', 'Status')), el('th', {}, both('决定', 'Decision')), el('th', {}, both('经办人', 'Who')),
          el('th', {}, both('意见', 'Comment')))),
        el('tbody', {}, (view.history || []).map(function (s) {
          return el('tr', {}, el('td', { class: 'nowrap' }, P.time(s.at)), el('td', {}, P.said(P.stepText(s))),
            el('td', {}, s.status ? P.statusText(s.status) : ''),
            el('td', {}, s.step === 'DOCUMENT_UPLOADED' && s.decision ? Confirmation.kindText(s.decision)
              : P.decisionText(s.decision) || s.decision || ''),
            el('td', {}, s.actor || ''), el('td', { class: 'wrap' }, P.comment(s)));
        }))))));

    if (record.objections && record.objections.length) {
      section.appendChild(card('objections', '异议', 'Objections', el('ul', { class: 'plain' }, record.objections.map(function (o) {
        return el('li', {}, el('strong', {}, P.time(o.raisedAt)), ' ', o.reason, o.contact ? ' (' + o.contact + ')' : '',
          el('div', { class: 'muted' }, o.decision ? o.decision + ' · ' + o.decidedBy + ' · ' + P.time(o.decidedAt) + (o.comment ? ' · ' + o.comment : '')
            : both('待处理', 'not decided yet')));
      }))));
    }

    if (record.payment) {
      var p = record.payment;
      section.appendChild(card('payment', '支付', 'Payment', facts([
        ['支付指令', 'Instruction', p.status],
        ['金额', 'Amount', P.money(p.amount)],
        ['发送次数', 'Attempts', String(p.attempts)],
        ['失败原因', 'Failure', p.failureReason]]),
        p.lines.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'data' },
          el('thead', {}, el('tr', {}, el('th', {}, both('批次', 'Batch')), el('th', {}, both('账户', 'Account')),
            el('th', {}, both('结果', 'Result')), el('th', {}, both('原因', 'Reason')), el('th', {}, both('时间', 'When')))),
          el('tbody', {}, p.lines.map(function (l) {
            return el('tr', {}, el('td', {}, String(l.batchId)), el('td', {}, l.bank + ' ' + l.accountNumber),
              el('td', {}, l.result || both('等待回盘', 'waiting for the bank')), el('td', {}, l.reason || ''),
              el('td', { class: 'nowrap' }, P.time(l.resultAt)));
          })))) : null));
    }

    section.appendChild(card('mails', '邮件通知', 'Mails', mails.length ? el('div', { class: 'table-wrap' },
      el('table', { class: 'data', id: 'mail-table' },
        el('thead', {}, el('tr', {}, el('th', {}, both('收件人', 'To')), el('th', {}, both('主题', 'Subject')),
          el('th', {}, both('事由', 'Event')), el('th', {}, both('状态', 'Status')), el('th', {}, both('发送时间', 'Sent')),
          el('th', {}, both('错误', 'Error')))),
        el('tbody', {}, mails.map(function (m) {
          var status = MAIL_STATUS[m.status] || [m.status, m.status, 'badge'];
          return el('tr', {}, el('td', {}, m.to), el('td', { class: 'wrap' }, m.subject), el('td', {}, m.event),
            el('td', {}, el('span', { class: status[2] }, both(status[0], status[1]))),
            el('td', { class: 'nowrap' }, P.time(m.sentAt || m.createdAt)), el('td', { class: 'wrap' }, m.lastError || ''));
        })))) : el('p', { class: 'muted' }, both('没有邮件（申请人没有留邮箱，或还没有需要通知的事）', 'No mails (no email address given, or nothing to tell yet)'))));
    P.applyLanguage();
  }

  function start() {
    Officials.whoAmI().then(function (me) {
      if (!me) {
        return;
      }
      var no = P.param('no');
      var section = document.getElementById('record');
      if (!no) {
        section.appendChild(el('p', { class: 'summary-box' }, both('请从报表中打开一份申请。', 'Open an application from the reports.')));
        return;
      }
      var path = encodeURIComponent(no.trim());
      Promise.all([P.api('/api/applications/' + path), P.api('/api/reports/applications/' + path),
        P.api('/api/notifications?applicationNo=' + path)]).then(function (answers) {
        var failed = answers.find(function (a) { return !a.ok; });
        if (failed) {
          section.appendChild(el('div', { class: 'summary-box', id: 'record-error' }, P.said(P.problems(failed)[0].message)));
          return;
        }
        render(answers[0].data, answers[1].data, answers[2].data);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
