/*
 * Shared by the officials' pages: who is logged in (the Tasklist session), or a clear "please log in"
 * with the link to the Tasklist login; and tables drawn from the reports' column definitions.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;

  /** Resolves to the official ({userId, name, admin, roles, counties, ...}) or null after showing the login hint. */
  function whoAmI() {
    return P.api('/api/me').then(function (answer) {
      var user = document.getElementById('user');
      if (answer.ok) {
        if (user) {
          user.textContent = '';
          user.appendChild(el('span', {}, answer.data.name + '（' + answer.data.userId + '）'));
        }
        return answer.data;
      }
      var main = document.querySelector('main');
      main.textContent = '';
      main.appendChild(el('div', { class: 'card', id: 'login-needed' },
        el('h1', {}, both('请先登录', 'Please log in')),
        el('p', {}, answer.status === 401
          ? both('这是工作人员的页面。请先在任务列表（Tasklist）用您的工作账号登录，然后回到本页并刷新。',
            'This page is for officials. Log in to Tasklist with your official account, then come back to this page and reload it.')
          : P.said(P.problems(answer)[0].message)),
        el('div', { class: 'actions' },
          el('a', { class: 'button primary', href: '/camunda/app/tasklist/' }, both('去任务列表登录', 'Log in to Tasklist')),
          el('button', { type: 'button', class: 'secondary', onclick: function () { window.location.reload(); } },
            both('我已登录，刷新', 'I have logged in; reload')))));
      P.applyLanguage();
      return null;
    });
  }

  /** A cell's content by column kind: counts and amounts as numbers, labels in the reader's language. */
  function cell(column, value) {
    if (value === null || value === undefined || value === '') {
      return el('td', { class: /COUNT|MONEY|DAYS/.test(column.kind) ? 'num' : null }, '—');
    }
    switch (column.kind) {
      case 'COUNT':
        return el('td', { class: 'num' }, Number(value).toLocaleString('en-US'));
      case 'MONEY':
        return el('td', { class: 'num' }, P.amount(value));
      case 'DAYS':
        return el('td', { class: 'num' }, Number(value).toFixed(1));
      case 'TIME':
        return el('td', { class: 'nowrap' }, P.time(value));
      case 'LABEL':
        return el('td', {}, P.said(value));
      default:
        if (column.key === 'applicationNo') {
          return el('td', { class: 'nowrap' }, el('a', { href: '/officials/application.html?no=' + encodeURIComponent(value) }, value));
        }
        return el('td', {}, String(value));
    }
  }

  function table(report, id) {
    var head = el('tr', {}, report.columns.map(function (c) {
      return el('th', { class: /COUNT|MONEY|DAYS/.test(c.kind) ? 'num' : null, scope: 'col' }, P.said(c.title));
    }));
    var body = el('tbody', {}, report.rows.map(function (row) {
      return el('tr', { class: row.countyCode === '' ? 'total' : null }, report.columns.map(function (c) {
        return cell(c, row[c.key]);
      }));
    }));
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: id }, el('thead', {}, head), body));
  }

  window.Officials = { whoAmI: whoAmI, table: table, cell: cell };
}());
