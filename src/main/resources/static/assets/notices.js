/* notices.html: a county's public notice (masked data) and objections to it. */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;
  var KEY = 'subsidy.notices.county';

  function remembered() {
    try {
      return localStorage.getItem(KEY);
    } catch (e) {
      return null;
    }
  }

  function remember(code) {
    try {
      localStorage.setItem(KEY, code);
    } catch (e) { /* not kept */ }
  }

  function load(code) {
    var list = document.getElementById('notice-list');
    list.textContent = '';
    if (!code) {
      return;
    }
    P.api('/api/notices?countyCode=' + encodeURIComponent(code)).then(function (answer) {
      list.textContent = '';
      if (!answer.ok) {
        list.appendChild(el('div', { class: 'summary-box' }, P.said(P.problems(answer)[0].message)));
        return;
      }
      var entries = answer.data.entries || [];
      list.appendChild(el('h2', {}, both(answer.data.county + '：正在公示 ' + entries.length + ' 人',
        answer.data.county + ': ' + entries.length + ' in public notice')));
      if (!entries.length) {
        list.appendChild(el('p', { class: 'card muted' }, both('现在没有正在公示的申请。', 'Nothing is in public notice now.')));
        return;
      }
      list.appendChild(el('ul', { class: 'plain' }, entries.map(entry)));
      P.applyLanguage();
    });
  }

  function entry(e) {
    var objection = el('div', { hidden: true });
    var toggle = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, both('提出异议', 'Raise an objection'));
    toggle.addEventListener('click', function () {
      objection.hidden = !objection.hidden;
      toggle.setAttribute('aria-expanded', String(!objection.hidden));
      if (!objection.hidden) {
        objection.querySelector('textarea').focus();
      }
    });
    objection.appendChild(objectionForm(e));
    return el('li', { class: 'card notice-entry', 'data-application': e.applicationNo },
      el('dl', { class: 'facts' },
        el('dt', {}, both('姓名', 'Name')), el('dd', {}, e.name),
        el('dt', {}, both('身份证号码', 'Identity no.')), el('dd', { class: 'nowrap' }, e.idNumber),
        el('dt', {}, both('补贴', 'Subsidy')), el('dd', {}, e.type),
        el('dt', {}, both('金额', 'Amount')), el('dd', {}, P.money(e.amount)),
        el('dt', {}, both('公示时间', 'Notice period')), el('dd', {}, P.date(e.noticeStartsAt) + ' — ' + P.date(e.noticeEndsAt)),
        el('dt', {}, both('申请编号', 'Application no.')), el('dd', { class: 'nowrap' }, e.applicationNo)),
      el('div', { class: 'actions' }, toggle), objection);
  }

  function objectionForm(e) {
    var id = 'objection-' + e.applicationNo;
    var reason = el('textarea', { id: id + '-reason', maxlength: '2000' });
    var contact = el('input', { type: 'text', id: id + '-contact', autocomplete: 'off' });
    var error = el('span', { class: 'field-error', 'aria-live': 'polite' });
    var done = el('div', { class: 'notice-box', hidden: true, role: 'status' });
    var send = el('button', { type: 'submit', class: 'primary' }, both('提交异议', 'Send the objection'));
    var form = el('form', { novalidate: true },
      el('div', { class: 'field' }, el('label', { for: id + '-reason' }, both('异议理由', 'Your reason')),
        el('span', { class: 'help' }, both('写清楚您知道的情况，例如此人是公职人员、没有在外务工等。',
          'Say what you know, for example that the person is a public employee or did not work away from home.')), reason),
      el('div', { class: 'field' }, el('label', { for: id + '-contact' }, both('您的联系方式', 'How to reach you'),
        el('span', { class: 'optional' }, both('（可不填）', ' (optional)'))),
        el('span', { class: 'help' }, both('县里需要核实时会联系您；可以匿名。', 'The county may contact you to check; you may stay anonymous.')), contact),
      send, error);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.textContent = '';
      if (!reason.value.trim()) {
        error.appendChild(both('请写明异议理由', 'Please give your reason.'));
        reason.focus();
        return;
      }
      send.disabled = true;
      P.api('/api/applications/' + encodeURIComponent(e.applicationNo) + '/objections', {
        method: 'POST', json: { reason: reason.value.trim(), contact: contact.value.trim() || null }
      }).then(function (answer) {
        send.disabled = false;
        if (!answer.ok) {
          P.problems(answer).forEach(function (p) { error.appendChild(P.said(p.message)); });
          return;
        }
        form.hidden = true;
        done.textContent = '';
        done.appendChild(P.said(answer.data.message));
        done.hidden = false;
      });
    });
    return el('div', {}, form, done);
  }

  function start() {
    var select = document.getElementById('notice-county');
    P.api('/api/counties').then(function (answer) {
      var counties = answer.ok ? answer.data : [];
      select.appendChild(el('option', { value: '', 'data-zh': '请选择', 'data-en': 'Choose' }, '请选择'));
      counties.forEach(function (c) {
        select.appendChild(el('option', { value: c.code, 'data-zh': c.provinceName + ' ' + c.name, 'data-en': c.name + ' (' + c.code + ')' },
          c.provinceName + ' ' + c.name));
      });
      var chosen = P.param('county') || remembered();
      if (chosen) {
        select.value = chosen;
      }
      P.applyLanguage();
      load(select.value);
    });
    select.addEventListener('change', function () {
      remember(select.value);
      load(select.value);
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
