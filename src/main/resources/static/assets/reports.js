/*
 * officials/reports.html: the reports of the official's county or province (all for administrators):
 * key figures, the monthly chart, every table with its CSV and Excel download.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;

  var STATUSES = [['SUBMITTED', '已提交', 'submitted'], ['UNDER_REVIEW', '县级审核中', 'under county review'],
    ['SUPPLEMENT_REQUIRED', '待补正材料', 'supplement required'], ['PUBLIC_NOTICE', '公示中', 'in public notice'],
    ['AWAITING_PROVINCE', '省级审批中', 'awaiting provincial approval'], ['APPROVED', '已批准', 'approved'],
    ['PAYING', '支付中', 'being paid'], ['PAID', '已支付', 'paid'], ['PAYMENT_FAILED', '支付失败', 'payment failed'],
    ['REJECTED', '未通过', 'rejected'], ['WITHDRAWN', '已撤回', 'withdrawn']];

  /** What each table tells, under its title. */
  var NOTES = {
    'by-month': ['提交按提交月份计；批准、支付按第一次批准、支付的月份计。', 'Submissions by the month submitted; approvals and payments by the month they first happened.'],
    'payment-time': ['日历天数，从提交到银行回盘确认支付。', 'Calendar days from submission to the bank confirming the payment.'],
    'overdue-reviews': ['超过县级审核期限（工作日，已扣除法定节假日）仍未审核的，以及审核用时超过期限的。', 'Reviews still open after the county-review deadline (working days, public holidays excluded), and reviews that took longer.'],
    applications: ['页面显示最新的200份；导出文件包含全部。', 'The page shows the newest 200; the exports have all of them.']
  };

  var report = null;

  function query() {
    var form = document.getElementById('filters');
    var params = new URLSearchParams();
    ['countyCode', 'type', 'status', 'from', 'to'].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  function withLang(params) {
    var copy = new URLSearchParams(params);
    copy.set('lang', P.lang());
    return copy.toString();
  }

  function load() {
    var params = query();
    history.replaceState(null, '', '?' + params.toString());
    var error = document.getElementById('filter-error');
    error.textContent = '';
    return P.api('/api/reports?' + params.toString()).then(function (answer) {
      if (!answer.ok) {
        P.problems(answer).forEach(function (p) { error.appendChild(el('div', {}, P.said(p.message))); });
        return;
      }
      report = answer.data;
      render();
    });
  }

  function figure(id, value, zh, en) {
    return el('div', { class: 'figure', id: id }, el('span', { class: 'value' }, value), el('span', { class: 'name' }, both(zh, en)));
  }

  function render() {
    var section = document.getElementById('report');
    var s = report.summary;
    var params = query();
    section.textContent = '';
    section.appendChild(el('p', { class: 'muted small' }, both('统计时间：', 'As of: '), P.time(report.generatedAt)));
    section.appendChild(el('div', { class: 'figures' },
      figure('fig-applications', Number(s.applications).toLocaleString('en-US'), '申请数', 'Applications'),
      figure('fig-in-progress', Number(s.inProgress).toLocaleString('en-US'), '办理中', 'In progress'),
      figure('fig-approved', P.amount(s.amountApproved), '批准金额（元）', 'Approved (yuan)'),
      figure('fig-paid', P.amount(s.amountPaid), '已支付金额（元）', 'Paid (yuan)'),
      figure('fig-average', s.averageDaysToPayment === undefined ? '—' : Number(s.averageDaysToPayment).toFixed(1),
        '提交到支付平均天数', 'Average days to payment'),
      figure('fig-p95', s.p95DaysToPayment === undefined ? '—' : Number(s.p95DaysToPayment).toFixed(1),
        '提交到支付95%分位天数', '95th percentile days to payment'),
      figure('fig-overdue', String(s.overdueReviews), '超期审核', 'Late county reviews')));

    var months = report.tables.find(function (t) { return t.name === 'by-month'; });
    var chartBox = el('div', { class: 'chart', id: 'chart' });
    var chartCard = el('div', { class: 'card' }, el('h2', {}, both('每月申请量', 'Monthly volumes')), chartBox);
    section.appendChild(chartCard);
    chartCard.appendChild(Chart.monthly(chartBox, months.rows, P.lang()));

    section.appendChild(el('p', { class: 'downloads' },
      el('a', { class: 'button secondary', id: 'download-all', href: '/api/reports/all.xlsx?' + withLang(params) },
        both('下载全部表格（Excel）', 'Download every table (Excel)'))));

    report.tables.forEach(function (t) {
      var note = NOTES[t.name];
      var shown = t.totalRows !== undefined && t.totalRows !== null && t.totalRows > t.rows.length
        ? both('（共 ' + t.totalRows + ' 行，显示 ' + t.rows.length + ' 行）', ' (' + t.rows.length + ' of ' + t.totalRows + ' rows)') : null;
      section.appendChild(el('div', { class: 'card', id: 'table-' + t.name },
        el('div', { class: 'table-head' },
          el('h2', {}, P.said(t.title), shown),
          el('span', { class: 'downloads' },
            el('a', { href: '/api/reports/' + t.name + '.csv?' + withLang(params), class: 'download-csv' }, 'CSV'),
            el('a', { href: '/api/reports/' + t.name + '.xlsx?' + withLang(params), class: 'download-xlsx' }, 'Excel'))),
        note ? el('p', { class: 'muted small' }, both(note[0], note[1])) : null,
        t.rows.length ? Officials.table(t, 'rows-' + t.name) : el('p', { class: 'muted' }, both('没有数据', 'No data'))));
    });
    P.applyLanguage();
  }

  function start() {
    Officials.whoAmI().then(function (me) {
      if (!me) {
        return;
      }
      if (!me.reports) {
        document.getElementById('report').appendChild(el('div', { class: 'summary-box' },
          both('您的账号没有县或省的范围，不能查看统计报表。', 'Your account has no county or province, so it sees no reports.')));
        document.getElementById('filters').hidden = true;
        document.getElementById('find').hidden = true;
        return;
      }
      var county = document.getElementById('filter-county');
      me.counties.forEach(function (c) {
        county.appendChild(el('option', { value: c.code, 'data-zh': c.name + '（' + c.code + '）', 'data-en': c.name + ' (' + c.code + ')' },
          c.name));
      });
      var status = document.getElementById('filter-status');
      STATUSES.forEach(function (s) {
        status.appendChild(el('option', { value: s[0], 'data-zh': s[1], 'data-en': s[2] }, s[1]));
      });
      var scope = document.getElementById('scope');
      scope.appendChild(me.admin ? both('范围：全部县（管理员）', 'Scope: every county (administrator)')
        : both('范围：' + me.counties.map(function (c) { return c.name; }).join('、'),
          'Scope: ' + me.counties.map(function (c) { return c.name + ' (' + c.code + ')'; }).join(', ')));
      var form = document.getElementById('filters');
      var initial = new URLSearchParams(window.location.search);
      ['countyCode', 'type', 'status', 'from', 'to'].forEach(function (name) {
        if (initial.get(name)) {
          form.elements[name].value = initial.get(name);
        }
      });
      P.applyLanguage();
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        load();
      });
      document.getElementById('find').addEventListener('submit', function (event) {
        event.preventDefault();
        var no = document.getElementById('find-no').value.trim();
        if (no) {
          window.location.href = '/officials/application.html?no=' + encodeURIComponent(no);
        }
      });
      P.onLanguage(function () {
        if (report) {
          render();
        }
      });
      load();
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
