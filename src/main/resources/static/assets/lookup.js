/*
 * lookup.html: an applicant (or a clerk with the applicant's identity number) follows an application:
 * its status as a timeline with dates, the amount, the reasons, and what to do now: upload documents,
 * answer a supplement request, correct the account after a failed payment.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;

  /** Statuses in which documents may still be added (the server's DocumentService.OPEN). */
  var UPLOAD_OPEN = ['SUBMITTED', 'UNDER_REVIEW', 'SUPPLEMENT_REQUIRED', 'PAYMENT_FAILED'];

  /** The stages an application goes through, and where each status stands among them. */
  var STAGES = [['提交申请', 'Submitted'], ['自动资格审查', 'Eligibility check'], ['县级审核', 'County review'],
    ['公示', 'Public notice'], ['省级审批', 'Provincial approval'], ['发放补贴', 'Payment']];
  var STAGE_OF = { SUBMITTED: 1, UNDER_REVIEW: 2, SUPPLEMENT_REQUIRED: 2, PUBLIC_NOTICE: 3, AWAITING_PROVINCE: 4,
    APPROVED: 5, PAYING: 5, PAYMENT_FAILED: 5, PAID: 6, REJECTED: 6, WITHDRAWN: 6 };

  var KINDS = ['ID_CARD', 'EMPLOYMENT_PROOF', 'TICKET', 'CERTIFICATE', 'ATTENDANCE', 'ACCOUNT', 'PLEDGE', 'OTHER'];

  var current = null;

  function badgeClass(status) {
    if (status === 'PAID' || status === 'APPROVED') {
      return 'badge good';
    }
    if (status === 'REJECTED' || status === 'WITHDRAWN' || status === 'PAYMENT_FAILED') {
      return 'badge bad';
    }
    return status === 'SUPPLEMENT_REQUIRED' ? 'badge wait' : 'badge';
  }

  function showError(node, messages) {
    node.textContent = '';
    messages.forEach(function (m, i) {
      if (i > 0) {
        node.appendChild(el('br'));
      }
      node.appendChild(m.nodeType ? m : both(m.zh, m.en));
    });
  }

  function lookUp(no, idNumber, quiet) {
    var problems = document.getElementById('lookup-problems');
    return P.api('/api/applications/' + encodeURIComponent(no), { headers: { 'X-Id-Number': idNumber } })
      .then(function (answer) {
        if (!answer.ok) {
          if (!quiet) {
            problems.textContent = '';
            problems.appendChild(el('p', {}, P.said(P.problems(answer)[0].message)));
            problems.hidden = false;
            problems.focus();
          }
          return;
        }
        problems.hidden = true;
        current = { no: no, idNumber: idNumber, view: answer.data };
        render();
      });
  }

  function render() {
    var v = current.view;
    var result = document.getElementById('result');
    result.textContent = '';
    result.appendChild(el('div', { class: 'card', id: 'status-card' },
      el('h2', {}, both('申请 ', 'Application '), el('span', { class: 'nowrap' }, v.applicationNo)),
      el('dl', { class: 'facts' },
        el('dt', {}, both('补贴', 'Subsidy')), el('dd', {}, P.said(v.typeText)),
        el('dt', {}, both('状态', 'Status')), el('dd', {}, el('span', { class: badgeClass(v.status), id: 'status' },
          P.said(v.statusText))),
        el('dt', {}, both('金额', 'Amount')), el('dd', { id: 'amount' }, v.amount !== undefined && v.amount !== null
          ? P.money(v.amount) : both('尚未核定', 'not determined yet')),
        v.amountDetail ? el('dt', {}, both('计算方法', 'How it is calculated')) : null,
        v.amountDetail ? el('dd', {}, P.said(v.amountDetail)) : null,
        v.noticeEndsAt ? el('dt', {}, both('公示截止', 'Notice ends')) : null,
        v.noticeEndsAt ? el('dd', {}, P.time(v.noticeEndsAt)) : null),
      el('p', { class: 'next-step' }, el('strong', {}, both('下一步：', 'Next: ')), P.said(v.nextStep)),
      el('button', { type: 'button', class: 'secondary', onclick: function () { lookUp(current.no, current.idNumber, true); } },
        both('刷新', 'Refresh'))));

    if (v.reasons && v.reasons.length) {
      result.appendChild(el('div', { class: 'summary-box', id: 'reasons' },
        el('h2', {}, both('未通过的原因', 'Why it was not accepted')),
        el('ul', {}, v.reasons.map(function (r) { return el('li', {}, P.said(r)); }))));
    }
    if (v.status === 'SUPPLEMENT_REQUIRED') {
      result.appendChild(supplementCard(v));
    }
    if (v.status === 'PAYMENT_FAILED') {
      result.appendChild(accountCard());
    }
    result.appendChild(timelineCard(v));
    var closed = v.status === 'REJECTED' || v.status === 'WITHDRAWN';
    if (!closed || (v.documents && v.documents.length)) {
      result.appendChild(documentsCard(v));
    }
    P.applyLanguage();
  }

  function timelineCard(v) {
    var list = el('ol', { class: 'timeline', id: 'timeline' });
    (v.history || []).forEach(function (s) {
      var decisionNode = s.step === 'DOCUMENT_UPLOADED' && s.decision ? Confirmation.kindText(s.decision)
        : P.decisionText(s.decision);
      list.appendChild(el('li', {},
        el('span', { class: 'when' }, P.time(s.at)),
        el('span', { class: 'what' }, P.said(P.stepText(s))),
        decisionNode ? el('span', {}, '：', decisionNode) : null,
        s.comment ? el('span', { class: 'comment' }, P.comment(s)) : null));
    });
    var stage = STAGE_OF[v.status] || 0;
    STAGES.slice(stage + 1).forEach(function (s) {
      list.appendChild(el('li', { class: 'future' }, el('span', { class: 'when' }, both('接下来', 'still to come')),
        el('span', { class: 'what' }, both(s[0], s[1]))));
    });
    return el('div', { class: 'card' }, el('h2', {}, both('办理过程', 'Steps so far')), list);
  }

  function supplementCard(v) {
    var note = el('textarea', { id: 'supplement-note', maxlength: '2000' });
    var error = el('span', { class: 'field-error', 'aria-live': 'polite' });
    var done = el('div', { class: 'notice-box', hidden: true });
    var button = el('button', { type: 'button', class: 'primary block', id: 'supplement-submit' }, both('提交补正', 'Submit the supplement'));
    button.addEventListener('click', function () {
      button.disabled = true;
      P.api('/api/applications/' + encodeURIComponent(current.no) + '/supplement', {
        method: 'POST', json: { note: note.value.trim() || null }, headers: { 'X-Id-Number': current.idNumber }
      }).then(function (answer) {
        button.disabled = false;
        if (!answer.ok) {
          showError(error, P.problems(answer).map(function (p) { return P.said(p.message); }));
          return;
        }
        lookUp(current.no, current.idNumber, true).then(function () {
          window.scrollTo(0, 0);
        });
      });
    });
    return el('div', { class: 'warn-box', id: 'supplement' },
      el('h2', {}, both('需要补正的材料', 'What the county asks you to supplement')),
      el('ul', {}, (v.missingItems || []).map(function (item) { return el('li', {}, P.said(item)); })),
      el('p', {}, both('请在10个工作日内补正：先在下面“材料”里上传缺少的材料，需要说明的写在这里，再点“提交补正”。逾期未补正，申请会被撤回。',
        'Answer within 10 working days: first upload the missing documents under "Documents" below, write any explanation here, then tap "Submit the supplement". Without an answer in time the application is withdrawn.')),
      el('div', { class: 'field' }, el('label', { for: 'supplement-note' }, both('补正说明', 'Explanation'),
        el('span', { class: 'optional' }, both('（可不填）', ' (optional)'))), note),
      button, error, done);
  }

  function accountCard() {
    var bank = el('input', { type: 'text', id: 'account-bank', autocomplete: 'off' });
    var number = el('input', { type: 'text', id: 'account-number', inputmode: 'numeric', autocomplete: 'off' });
    var error = el('span', { class: 'field-error', 'aria-live': 'polite' });
    var button = el('button', { type: 'button', class: 'primary block', id: 'account-submit' }, both('提交新账户', 'Submit the new account'));
    button.addEventListener('click', function () {
      var digits = number.value.replace(/\s/g, '');
      var problems = [];
      if (!bank.value.trim()) {
        problems.push({ zh: '请填写开户银行', en: 'Fill in the bank.' });
      }
      if (!/^\d{10,30}$/.test(digits)) {
        problems.push({ zh: '卡号应为10到30位数字', en: 'The account number must be 10 to 30 digits.' });
      }
      if (problems.length) {
        showError(error, problems);
        return;
      }
      button.disabled = true;
      P.api('/api/applications/' + encodeURIComponent(current.no) + '/account', {
        method: 'PUT', json: { bank: bank.value.trim(), number: digits }, headers: { 'X-Id-Number': current.idNumber }
      }).then(function (answer) {
        button.disabled = false;
        if (!answer.ok) {
          showError(error, P.problems(answer).map(function (p) { return P.said(p.message); }));
          return;
        }
        lookUp(current.no, current.idNumber, true);
      });
    });
    return el('div', { class: 'warn-box', id: 'account' },
      el('h2', {}, both('更正收款账户', 'Correct the account')),
      el('p', {}, both('银行没能把钱打进您的账户（例如账户已注销或户名不符）。请填写本人名下正在使用的社保卡或银行卡，县财务会重新发放。',
        'The bank could not pay into your account (closed, or the name did not match). Give a social security card or bank account in your own name that is in use; the county pays again.')),
      el('div', { class: 'field' }, el('label', { for: 'account-bank' }, both('开户银行', 'Bank')), bank),
      el('div', { class: 'field' }, el('label', { for: 'account-number' }, both('卡号（账号）', 'Card (account) number')), number),
      button, error);
  }

  function documentsCard(v) {
    var card = el('div', { class: 'card', id: 'documents' }, el('h2', {}, both('材料', 'Documents')));
    var closed = v.status === 'REJECTED' || v.status === 'WITHDRAWN';
    if (v.requiredDocuments && v.requiredDocuments.length && !closed) {
      card.appendChild(el('ul', { class: 'plain', id: 'required-documents' }, v.requiredDocuments.map(function (r) {
        return el('li', {}, Confirmation.kindText(r.kind), ' ',
          r.uploaded ? el('span', { class: 'badge good' }, both('已上传', 'uploaded'))
            : el('span', { class: 'badge wait' }, both('还没有上传', 'not uploaded yet')));
      })));
    }
    if (v.documents && v.documents.length) {
      card.appendChild(el('h3', {}, both('已上传的文件', 'Files uploaded')));
      card.appendChild(el('ul', { class: 'plain' }, v.documents.map(function (d) {
        return el('li', {}, el('a', { href: '#', onclick: function (event) {
          event.preventDefault();
          openDocument(d);
        } }, d.fileName), ' ', el('span', { class: 'muted small' }, Confirmation.kindText(d.kind), ' · ', P.time(d.uploadedAt)));
      })));
    }
    if (UPLOAD_OPEN.indexOf(v.status) >= 0) {
      card.appendChild(uploadForm(v));
    }
    return card;
  }

  /** Documents need the identity number header, so they are fetched and shown from memory. */
  function openDocument(d) {
    var opened = window.open('', '_blank');
    fetch(d.url, { headers: { 'X-Id-Number': current.idNumber } }).then(function (response) {
      return response.ok ? response.blob() : null;
    }).then(function (blob) {
      if (blob && opened) {
        opened.location = URL.createObjectURL(blob);
      } else if (opened) {
        opened.close();
      }
    });
  }

  function uploadForm(v) {
    var missing = (v.requiredDocuments || []).filter(function (r) { return !r.uploaded; });
    var kind = el('select', { id: 'upload-kind' });
    KINDS.forEach(function (k) {
      var text = Confirmation.kindText(k);
      kind.appendChild(el('option', { value: k, 'data-zh': text.childNodes[0].textContent, 'data-en': text.childNodes[1].textContent },
        text.childNodes[0].textContent));
    });
    kind.value = missing.length ? missing[0].kind : 'OTHER';
    var file = el('input', { type: 'file', id: 'upload-file', accept: 'image/*,application/pdf', capture: 'environment' });
    var status = el('span', { class: 'field-error', 'aria-live': 'polite', id: 'upload-error' });
    file.addEventListener('change', function () {
      var chosen = file.files && file.files[0];
      if (!chosen) {
        return;
      }
      status.textContent = '';
      var data = new FormData();
      data.append('file', chosen, chosen.name);
      data.append('kind', kind.value);
      P.api('/api/applications/' + encodeURIComponent(current.no) + '/documents', {
        method: 'POST', body: data, headers: { 'X-Id-Number': current.idNumber }
      }).then(function (answer) {
        file.value = '';
        if (!answer.ok) {
          showError(status, P.problems(answer).map(function (p) { return P.said(p.message); }));
          return;
        }
        lookUp(current.no, current.idNumber, true);
      });
    });
    return el('div', { class: 'file-field' },
      el('h3', {}, both('上传材料', 'Upload a document')),
      el('div', { class: 'field' }, el('label', { for: 'upload-kind' }, both('是什么材料', 'Which document')), kind),
      el('div', { class: 'file-box' }, file,
        el('label', { class: 'file-button', for: 'upload-file' }, both('拍照或选择文件', 'Take a photo or choose a file'))),
      status);
  }

  function start() {
    var form = document.getElementById('lookup-form');
    var no = document.getElementById('lookup-no');
    var id = document.getElementById('lookup-id');
    var noError = document.getElementById('lookup-no-error');
    var idError = document.getElementById('lookup-id-error');
    no.value = P.param('no') || '';
    if (no.value) {
      id.focus();
    }

    function checkNo() {
      var problems = /^\d{6}-\d{4}-\d{6}$/.test(no.value.trim()) ? []
        : [{ zh: '申请编号的格式是 6位县代码-年份-6位序号，例如 532527-2026-000042', en: 'The number looks like 532527-2026-000042.' }];
      showError(noError, problems);
      no.setAttribute('aria-invalid', problems.length ? 'true' : 'false');
      return problems;
    }

    function checkId(live) {
      var value = id.value.trim();
      var problems = live && value.length < 18 && /^\d*$/.test(value) ? [] : IdNumber.problems(value, P.today());
      showError(idError, problems);
      id.setAttribute('aria-invalid', problems.length ? 'true' : 'false');
      return problems;
    }

    no.addEventListener('blur', checkNo);
    id.addEventListener('input', function () { checkId(true); });
    id.addEventListener('blur', function () { checkId(false); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var problems = checkNo().concat(checkId(false));
      if (problems.length) {
        (checkNo().length ? no : id).focus();
        return;
      }
      var button = document.getElementById('lookup-submit');
      button.disabled = true;
      lookUp(no.value.trim(), id.value.trim().toUpperCase()).then(function () {
        button.disabled = false;
        var card = document.getElementById('status-card');
        if (card) {
          card.scrollIntoView({ block: 'start' });
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
