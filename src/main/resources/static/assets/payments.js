/*
 * officials/payments.html: the county finance staff's payments: what waits for a batch, the batches
 * with their bank files, and the bank's result file with the outcome of every line.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;
  var county = null;
  /** The last result upload of each batch, shown again when the list is drawn anew. */
  var outcomes = {};

  var BATCH_STATUS = { SENT: ['已发送，等待回盘', 'sent, waiting for the bank', 'badge wait'],
    RESULTS_RECORDED: ['已记录回盘', 'results recorded', 'badge good'] };

  function loadWaiting() {
    var section = document.getElementById('waiting');
    section.textContent = '';
    return Promise.all([
      P.api('/api/payments/instructions?countyCode=' + county + '&status=OPEN'),
      P.api('/api/payments/instructions?countyCode=' + county + '&status=FAILED')
    ]).then(function (answers) {
      if (!answers[0].ok) {
        section.appendChild(el('div', { class: 'summary-box' }, P.said(P.problems(answers[0])[0].message)));
        return;
      }
      var open = answers[0].data;
      var failed = answers[1].ok ? answers[1].data : [];
      var total = open.reduce(function (sum, i) { return sum + Number(i.amount); }, 0);
      var message = el('div', { 'aria-live': 'polite', id: 'create-message' });
      var create = el('button', { type: 'button', class: 'primary', id: 'create-batch', disabled: !open.length },
        both('生成支付批次', 'Create a batch'));
      create.addEventListener('click', function () {
        create.disabled = true;
        P.api('/api/payments/batches', { method: 'POST', json: { countyCode: county } }).then(function (answer) {
          if (!answer.ok) {
            create.disabled = false;
            message.textContent = '';
            message.appendChild(el('p', { class: 'field-error' }, P.said(P.problems(answer)[0].message)));
            return;
          }
          loadWaiting();
          loadBatches(answer.data.id);
        });
      });
      section.appendChild(el('div', { class: 'card' },
        el('h2', {}, both('等待支付', 'Waiting for a batch')),
        el('p', { id: 'waiting-summary' }, both('共 ' + open.length + ' 笔，合计 ' + P.amount(total) + ' 元。',
          open.length + ' payment(s), ' + P.amount(total) + ' yuan in all.')),
        open.length ? instructionTable(open, 'open-table') : null,
        el('div', { class: 'actions' }, create), message,
        failed.length ? el('div', { class: 'warn-box' }, el('h3', {}, both('支付失败，等待申请人更正账户', 'Failed; waiting for the applicant to correct the account')),
          instructionTable(failed, 'failed-table')) : null));
      P.applyLanguage();
    });
  }

  function instructionTable(list, id) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: id },
      el('thead', {}, el('tr', {}, el('th', {}, both('申请编号', 'Application no.')), el('th', {}, both('姓名', 'Name')),
        el('th', {}, both('账户', 'Account')), el('th', { class: 'num' }, both('金额（元）', 'Amount (yuan)')),
        el('th', {}, both('失败原因', 'Failure')))),
      el('tbody', {}, list.map(function (i) {
        return el('tr', {}, el('td', { class: 'nowrap' }, el('a', { href: '/officials/application.html?no=' + encodeURIComponent(i.applicationNo) }, i.applicationNo)),
          el('td', {}, i.name), el('td', {}, i.bank + ' ' + i.accountNumber), el('td', { class: 'num' }, P.amount(i.amount)),
          el('td', {}, i.failureReason || ''));
      }))));
  }

  function loadBatches(highlight) {
    var section = document.getElementById('batches');
    return P.api('/api/payments/batches?countyCode=' + county).then(function (answer) {
      section.textContent = '';
      if (!answer.ok) {
        section.appendChild(el('div', { class: 'summary-box' }, P.said(P.problems(answer)[0].message)));
        return;
      }
      var batches = answer.data.slice().sort(function (a, b) { return b.id - a.id; });
      section.appendChild(el('h2', {}, both('支付批次', 'Batches')));
      if (!batches.length) {
        section.appendChild(el('p', { class: 'muted card' }, both('还没有支付批次。', 'No batches yet.')));
      }
      batches.forEach(function (b) { section.appendChild(batchCard(b, b.id === highlight)); });
      P.applyLanguage();
    });
  }

  function batchCard(b, fresh) {
    var status = BATCH_STATUS[b.status] || [b.status, b.status, 'badge'];
    var outcome = el('div', { 'aria-live': 'polite', class: 'batch-outcome' });
    if (outcomes[b.id]) {
      renderOutcome(outcome, outcomes[b.id]);
    }
    var fileId = 'result-file-' + b.id;
    var file = el('input', { type: 'file', id: fileId, accept: '.csv,text/csv,text/plain' });
    var fileName = el('span', { class: 'file-name muted' }, both('还没有选择文件', 'No file chosen'));
    file.addEventListener('change', function () {
      fileName.textContent = file.files && file.files[0] ? file.files[0].name : '';
    });
    var upload = el('button', { type: 'button', class: 'primary upload-result' }, both('上传回盘', 'Upload the result'));
    upload.addEventListener('click', function () {
      outcome.textContent = '';
      var chosen = file.files && file.files[0];
      if (!chosen) {
        outcome.appendChild(el('p', { class: 'field-error' }, both('请先选择银行的回盘文件', 'Choose the bank\'s result file first.')));
        return;
      }
      upload.disabled = true;
      chosen.arrayBuffer().then(function (bytes) {
        return P.api('/api/payments/batches/' + b.id + '/result', { method: 'POST', body: bytes, contentType: 'text/csv' });
      }).then(function (answer) {
        upload.disabled = false;
        if (!answer.ok) {
          P.problems(answer).forEach(function (p) { outcome.appendChild(el('p', { class: 'field-error' }, P.said(p.message))); });
          return;
        }
        outcomes[b.id] = answer.data;
        loadWaiting();
        loadBatches(b.id);
      });
    });
    var lines = el('div', {});
    var show = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, both('查看明细', 'Show the lines'));
    show.addEventListener('click', function () {
      if (lines.childNodes.length) {
        lines.textContent = '';
        show.setAttribute('aria-expanded', 'false');
        return;
      }
      P.api('/api/payments/batches/' + b.id).then(function (answer) {
        if (answer.ok) {
          lines.appendChild(lineTable(answer.data.instructions));
          show.setAttribute('aria-expanded', 'true');
          P.applyLanguage();
        }
      });
    });
    return el('div', { class: fresh ? 'card notice-box' : 'card', id: 'batch-' + b.id },
      el('h3', {}, both('批次 ' + b.id, 'Batch ' + b.id), ' ', el('span', { class: status[2] }, both(status[0], status[1]))),
      el('dl', { class: 'facts' },
        el('dt', {}, both('笔数', 'Payments')), el('dd', {}, String(b.instructionCount)),
        el('dt', {}, both('合计（元）', 'Total (yuan)')), el('dd', {}, P.amount(b.total)),
        el('dt', {}, both('生成', 'Created')), el('dd', {}, P.time(b.createdAt) + ' · ' + b.createdBy),
        b.resultsRecordedAt ? el('dt', {}, both('回盘记录', 'Results recorded')) : null,
        b.resultsRecordedAt ? el('dd', {}, P.time(b.resultsRecordedAt)) : null),
      el('div', { class: 'actions' },
        el('a', { class: 'button secondary bank-file', href: '/api/payments/batches/' + b.id + '/file', download: '' },
          both('下载银行文件', 'Download the bank file')), show),
      lines,
      el('div', { class: 'field file-field' }, el('span', { class: 'label' }, both('银行回盘文件（CSV）', 'The bank\'s result file (CSV)')),
        el('div', { class: 'file-box' }, file, el('label', { class: 'file-button', for: fileId }, both('选择文件', 'Choose the file')),
          fileName)),
      upload, outcome);
  }

  function lineTable(lines) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data' },
      el('thead', {}, el('tr', {}, el('th', {}, both('申请编号', 'Application no.')), el('th', {}, both('姓名', 'Name')),
        el('th', {}, both('账户', 'Account')), el('th', { class: 'num' }, both('金额（元）', 'Amount (yuan)')),
        el('th', {}, both('结果', 'Result')), el('th', {}, both('原因', 'Reason')))),
      el('tbody', {}, lines.map(function (l) {
        return el('tr', {}, el('td', { class: 'nowrap' }, l.applicationNo), el('td', {}, l.name),
          el('td', {}, l.bank + ' ' + l.accountNumber), el('td', { class: 'num' }, P.amount(l.amount)),
          el('td', {}, l.result || both('等待回盘', 'waiting')), el('td', {}, l.reason || ''));
      }))));
  }

  function renderOutcome(box, report) {
    box.textContent = '';
    box.appendChild(el('p', { class: 'notice-box result-summary' }, both('已记录 ' + report.changed + ' 行，未处理 ' + report.unchanged + ' 行。',
      report.changed + ' line(s) recorded, ' + report.unchanged + ' left unchanged.')));
    box.appendChild(el('div', { class: 'table-wrap' }, el('table', { class: 'data result-lines' },
      el('thead', {}, el('tr', {}, el('th', { class: 'num' }, both('行', 'Line')), el('th', {}, both('申请编号', 'Application no.')),
        el('th', {}, both('处理结果', 'Outcome')))),
      el('tbody', {}, report.lines.map(function (l) {
        return el('tr', {}, el('td', { class: 'num' }, String(l.line)), el('td', { class: 'nowrap' }, l.applicationNo),
          el('td', { class: 'wrap' }, el('span', { class: l.changed ? 'badge good' : 'badge wait' }, P.said(l.outcome))));
      })))));
    P.applyLanguage();
  }

  function start() {
    Officials.whoAmI().then(function (me) {
      if (!me) {
        return;
      }
      var select = document.getElementById('payment-county');
      var choices = me.counties.filter(function (c) { return me.admin || me.financeCounties.indexOf(c.code) >= 0; });
      if (!choices.length) {
        document.querySelector('main').appendChild(el('div', { class: 'summary-box', id: 'no-finance' },
          both('只有县财务人员可以办理支付。您的账号（' + me.userId + '）没有财务权限。',
            'Only county finance staff handle payments. Your account (' + me.userId + ') has no finance role.')));
        select.closest('.card').hidden = true;
        P.applyLanguage();
        return;
      }
      choices.forEach(function (c) {
        select.appendChild(el('option', { value: c.code, 'data-zh': c.name + '（' + c.code + '）', 'data-en': c.name + ' (' + c.code + ')' }, c.name));
      });
      var wanted = P.param('county');
      if (wanted && choices.some(function (c) { return c.code === wanted; })) {
        select.value = wanted;
      }
      county = select.value;
      select.addEventListener('change', function () {
        county = select.value;
        loadWaiting();
        loadBatches();
      });
      P.applyLanguage();
      loadWaiting();
      loadBatches();
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
