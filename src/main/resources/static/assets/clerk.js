/*
 * clerk.html: a clerk files for several applicants in a row (the clerk and the county stay filled in),
 * and county staff import a CSV batch with their Tasklist login and see what happened to each row.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;
  var SESSION_KEY = 'subsidy.clerk.filed';

  function filed() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  function keep(list) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(list));
    } catch (e) { /* the list lasts for this page only */ }
  }

  function renderFiled(list) {
    var section = document.getElementById('filed');
    var items = document.getElementById('filed-list');
    items.textContent = '';
    list.forEach(function (f) {
      items.appendChild(el('li', {},
        el('strong', {}, f.name), ' ',
        el('a', { class: 'nowrap', href: '/lookup.html?no=' + encodeURIComponent(f.applicationNo) }, f.applicationNo), ' ',
        f.failed ? el('span', { class: 'badge bad' }, both(f.failed + ' 份材料未上传', f.failed + ' not uploaded'))
          : el('span', { class: 'badge good' }, both(f.uploaded + ' 份材料已上传', f.uploaded + ' uploaded'))));
    });
    section.hidden = !list.length;
  }

  function oneByOne() {
    var list = filed();
    renderFiled(list);
    var form = ApplicationForm.create(document.getElementById('form-root'), {
      clerk: true,
      onSubmitted: function (result) {
        var failed = result.uploads.filter(function (u) { return !u.ok; }).length;
        list.unshift({ name: result.name, applicationNo: result.applicationNo, uploaded: result.uploads.length - failed,
          failed: failed });
        keep(list);
        renderFiled(list);
        var last = document.getElementById('last-filed');
        last.textContent = '';
        last.appendChild(el('p', {}, both('已为 ' + result.name + ' 提交申请，申请编号 ', 'Filed for ' + result.name + ': application number '),
          el('strong', { class: 'nowrap', id: 'last-application-no' }, result.applicationNo)));
        last.appendChild(el('p', {}, both('请把申请编号告诉申请人。下面可以接着为下一位申请人填写：代办人、县和补贴类型已保留。',
          'Give the number to the applicant. Go on with the next applicant below: the clerk, the county and the subsidy are kept.')));
        if (failed) {
          last.appendChild(el('p', { class: 'field-error' }, both(failed + ' 份材料没有上传成功，可在“查询进度”页面补传。',
            failed + ' document(s) did not upload; add them on the progress page.')));
        }
        form.nextApplicant();
        document.getElementById('filed').scrollIntoView({ block: 'start' });
        last.focus({ preventScroll: true });
      }
    });
  }

  function batch() {
    var card = document.getElementById('batch-card');
    P.api('/api/me').then(function (answer) {
      card.textContent = '';
      if (answer.status === 401) {
        card.appendChild(el('p', {}, both('批量导入需要县级工作人员登录。请先在任务列表（Tasklist）登录，再回到本页。',
          'Importing needs a county official\'s login. Log in to Tasklist first, then come back to this page.')));
        card.appendChild(el('a', { class: 'button primary', href: '/camunda/app/tasklist/', id: 'batch-login' },
          both('去登录', 'Log in')));
        return;
      }
      if (!answer.ok || !answer.data.importCounties.length) {
        card.appendChild(el('p', {}, both('您的账号（' + (answer.data && answer.data.userId) + '）不能批量导入申请：只有县级审核、监督人员可以导入本县的申请。',
          'Your account (' + (answer.data && answer.data.userId) + ') cannot import: only county reviewers and supervisors import their county\'s applications.')));
        return;
      }
      card.appendChild(el('p', {}, both('已登录：' + answer.data.name + '（' + answer.data.userId + '）。可导入：' + answer.data.importCounties.join('、'),
        'Logged in as ' + answer.data.name + ' (' + answer.data.userId + '). Counties: ' + answer.data.importCounties.join(', '))));
      card.appendChild(el('p', {}, both('每行一份申请。先下载模板，用Excel或WPS填好后“另存为CSV”。列名可以用中文。承诺书一列填“是”表示申请人已签字。',
        'One application per row. Download the template, fill it in with Excel or WPS and save as CSV. Column names may be Chinese. Write 是 (yes) in the pledge column when the applicant has signed.')));
      card.appendChild(el('p', {}, el('a', { href: '/api/applications/import/template.csv', download: 'import-template.csv' },
        both('下载CSV模板', 'Download the CSV template'))));
      var file = el('input', { type: 'file', id: 'batch-file', accept: '.csv,text/csv' });
      var error = el('span', { class: 'field-error', 'aria-live': 'polite' });
      var send = el('button', { type: 'button', class: 'primary', id: 'batch-submit' }, both('导入', 'Import'));
      var fileName = el('span', { class: 'file-name muted' }, both('还没有选择文件', 'No file chosen'));
      file.addEventListener('change', function () {
        fileName.textContent = file.files && file.files[0] ? file.files[0].name : '';
      });
      card.appendChild(el('div', { class: 'field file-field' }, el('span', { class: 'label' }, both('CSV文件', 'CSV file')),
        el('div', { class: 'file-box' }, file, el('label', { class: 'file-button', for: 'batch-file' }, both('选择文件', 'Choose the file')),
          fileName)));
      card.appendChild(send);
      card.appendChild(error);
      send.addEventListener('click', function () {
        error.textContent = '';
        var chosen = file.files && file.files[0];
        if (!chosen) {
          error.appendChild(both('请先选择CSV文件', 'Choose the CSV file first.'));
          return;
        }
        send.disabled = true;
        chosen.arrayBuffer().then(function (bytes) {
          return P.api('/api/applications/import', { method: 'POST', body: bytes, contentType: 'text/csv' });
        }).then(function (result) {
          send.disabled = false;
          if (!result.ok) {
            P.problems(result).forEach(function (p) {
              error.appendChild(el('span', { class: 'field-error' }, p.field ? p.field + '：' : '', P.said(p.message)));
            });
            return;
          }
          renderImport(result.data);
        });
      });
    });
  }

  function renderImport(data) {
    var section = document.getElementById('batch-result');
    section.textContent = '';
    section.appendChild(el('div', { class: data.rejected ? 'warn-box' : 'notice-box', id: 'batch-summary' },
      both('已提交 ' + data.submitted + ' 份，有问题 ' + data.rejected + ' 行（未提交，改正后可只导入这些行）。',
        data.submitted + ' submitted, ' + data.rejected + ' row(s) with problems (not submitted; correct them and import just those rows).')));
    var rows = el('ul', { class: 'plain card', id: 'batch-rows' });
    data.rows.forEach(function (row) {
      rows.appendChild(el('li', { class: row.applicationNo ? 'submitted' : 'rejected' },
        el('strong', {}, both('第 ' + row.line + ' 行：', 'Line ' + row.line + ': ')),
        row.applicationNo ? el('a', { class: 'nowrap', href: '/officials/application.html?no=' + encodeURIComponent(row.applicationNo) },
          row.applicationNo) : el('span', { class: 'badge bad' }, both('未提交', 'not submitted')),
        row.errors && row.errors.length ? el('ul', {}, row.errors.map(function (e) {
          return el('li', {}, P.said(e.message));
        })) : null));
    });
    section.appendChild(rows);
    P.applyLanguage();
  }

  document.addEventListener('DOMContentLoaded', function () {
    oneByOne();
    batch();
  });
}());
