/*
 * Shared by every page: the language (Chinese first, English on request, remembered), calls to the
 * product's API, and formatting in Beijing time. No libraries: the pages must work offline.
 */
(function () {
  'use strict';

  var LANG_KEY = 'subsidy.lang';
  var ZONE = 'Asia/Shanghai';
  var listeners = [];

  function storedLang() {
    try {
      return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
    } catch (e) {
      return 'zh';
    }
  }

  var lang = storedLang();

  /** Shows one language: spans with lang="zh"/"en" by CSS, attributes and options here. */
  function applyLanguage() {
    var root = document.documentElement;
    root.setAttribute('data-lang', lang);
    root.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-zh]').forEach(function (node) {
      node.textContent = node.getAttribute('data-' + lang);
    });
    document.querySelectorAll('[data-placeholder-zh]').forEach(function (node) {
      node.placeholder = node.getAttribute('data-placeholder-' + lang);
    });
    document.querySelectorAll('.lang-switch').forEach(function (button) {
      button.textContent = lang === 'en' ? '中文' : 'English';
      button.setAttribute('aria-label', lang === 'en' ? '切换到中文' : 'Switch to English');
    });
  }

  function setLanguage(next) {
    lang = next === 'en' ? 'en' : 'zh';
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
    applyLanguage();
    listeners.forEach(function (listener) { listener(lang); });
  }

  /** The text in the reader's language. */
  function t(zh, en) {
    return lang === 'en' ? en : zh;
  }

  /**
   * Splits a server message written "中文 / English" into its halves. The English half is the part
   * after the first slash that has no Chinese characters left after it.
   */
  function split(text) {
    if (text === null || text === undefined) {
      return { zh: '', en: '' };
    }
    var s = String(text);
    var cjk = /[\u3000-\u9fff\uff00-\uffef]/;
    for (var i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) {
      var rest = s.slice(i + 1);
      if (rest.trim() && !cjk.test(rest) && cjk.test(s.slice(0, i))) {
        return { zh: s.slice(0, i).trim(), en: rest.trim() };
      }
    }
    var plain = s.indexOf(' / ');
    if (plain >= 0) {
      return { zh: s.slice(0, plain).trim(), en: s.slice(plain + 3).trim() };
    }
    return { zh: s, en: s };
  }

  /** The reader's half of a server message written "中文 / English". */
  function pick(text) {
    return split(text)[lang];
  }

  /** A server message as a span pair that follows the language switch. */
  function said(text) {
    var halves = split(text);
    return both(halves.zh, halves.en);
  }

  /** Calls the product's API. Answers {status, ok, data}; a network failure answers status 0 with a message. */
  function api(path, options) {
    options = options || {};
    // X-Requested-With lets an official's Tasklist session change things, and asks the server not to
    // answer 401 with a Basic challenge (the browser's own login dialog).
    var headers = Object.assign({ 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      options.headers || {});
    var init = { method: options.method || 'GET', headers: headers, credentials: 'same-origin' };
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      init.body = options.body;
      if (options.contentType) {
        headers['Content-Type'] = options.contentType;
      }
    }
    return fetch(path, init).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var body = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; }) : response.text();
      return body.then(function (data) {
        return { status: response.status, ok: response.ok, data: data };
      });
    }, function () {
      return {
        status: 0, ok: false,
        data: { detail: '网络连接失败，请检查网络后重试 / The network is not reachable; check the connection and try again.' }
      };
    });
  }

  /** Every problem of an error answer, {field, message} with the message in both languages: the field errors, else the detail. */
  function problems(answer) {
    var data = answer && answer.data;
    if (data && Array.isArray(data.errors) && data.errors.length) {
      return data.errors.map(function (e) { return { field: e.field, message: e.message }; });
    }
    var detail = data && (data.detail || data.message || data.title);
    return [{ field: null, message: detail || '出错了（' + answer.status + '），请稍后重试 / Something went wrong ('
      + answer.status + '); please try again.' }];
  }

  function parts(date) {
    var out = {};
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23'
    }).formatToParts(date).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }

  /** "2026-05-10 14:03", Beijing time. */
  function time(iso) {
    if (!iso) {
      return '';
    }
    var p = parts(new Date(iso));
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  /** "2026-05-10": a date, or the Beijing date of a moment. */
  function date(iso) {
    if (!iso) {
      return '';
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      return iso;
    }
    var p = parts(new Date(iso));
    return p.year + '-' + p.month + '-' + p.day;
  }

  /** Today in Beijing, "yyyy-mm-dd". */
  function today() {
    return date(new Date().toISOString());
  }

  /** An amount in yuan, "1,500.00". */
  function amount(value) {
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  /** An amount with its unit in both languages ("500.00 元" / "¥500.00"), as DOM nodes. */
  function money(value) {
    if (value === null || value === undefined || value === '') {
      return document.createTextNode('—');
    }
    return both(amount(value) + ' 元', '¥' + amount(value));
  }

  /** A DOM element: el('p', {class: 'x'}, 'text', child, ...). */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      var value = attributes[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'text') {
        node.textContent = value;
      } else if (key.indexOf('on') === 0 && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  /** A span pair for both languages, switched by CSS like the static text. */
  function both(zh, en) {
    var fragment = document.createDocumentFragment();
    fragment.appendChild(el('span', { lang: 'zh' }, zh));
    fragment.appendChild(el('span', { lang: 'en' }, en));
    return fragment;
  }

  /** Steps the server has no words for yet (it answers their id as the text): named here. */
  var STEPS = {
    CallActivity_Payment: '批准发放 / approved for payment',
    StartEvent_ApprovalRequested: '报省级审批 / sent for provincial approval',
    StartEvent_NoticeStarts: '开始公示 / public notice starts',
    PAYMENT_INSTRUCTION: '生成支付指令 / payment instruction created',
    PAYMENT_BATCH_: '交银行发放（批次 {n}） / sent to the bank (batch {n})',
    BANK_RESULT_: '银行回盘（批次 {n}） / bank result (batch {n})',
    PAYMENT_FAILED_REASON: '支付失败原因 / why the payment failed',
    ACCOUNT_CORRECTED: '已更正收款账户 / account corrected',
    PAYMENT_CANCELLED: '支付已取消 / payment cancelled'
  };

  /** A history step's text, "中文 / English". */
  function stepText(step) {
    if (step.stepText && step.stepText !== step.step) {
      return step.stepText;
    }
    var numbered = /^(PAYMENT_BATCH_|BANK_RESULT_)(\d+)$/.exec(step.step || '');
    if (numbered) {
      return STEPS[numbered[1]].replace(/\{n\}/g, numbered[2]);
    }
    return STEPS[step.step] || step.stepText || step.step;
  }

  var STATUS = {
    SUBMITTED: ['已提交', 'submitted'], REJECTED: ['未通过', 'rejected'], UNDER_REVIEW: ['县级审核中', 'under county review'],
    SUPPLEMENT_REQUIRED: ['待补正材料', 'supplement required'], WITHDRAWN: ['已撤回', 'withdrawn'],
    PUBLIC_NOTICE: ['公示中', 'in public notice'], AWAITING_PROVINCE: ['省级审批中', 'awaiting provincial approval'],
    APPROVED: ['已批准', 'approved'], PAYING: ['支付中', 'being paid'], PAID: ['已支付', 'paid'],
    PAYMENT_FAILED: ['支付失败', 'payment failed']
  };

  var DECISIONS = {
    ELIGIBLE: ['符合条件', 'eligible'], INELIGIBLE: ['不符合条件', 'not eligible'], APPROVE: ['同意', 'approved'],
    SUPPLEMENT: ['需要补正', 'supplement requested'], REJECT: ['驳回', 'rejected'], RETURN: ['退回县级', 'returned to the county'],
    UPHOLD: ['异议成立', 'objection upheld'], DISMISS: ['异议不成立', 'objection dismissed'], PAID: ['已支付', 'paid'],
    FAILED: ['支付失败', 'failed'], CANCEL: ['已取消', 'cancelled']
  };

  /** A status code in words, as DOM nodes in both languages. */
  function statusText(code) {
    var words = STATUS[code];
    return words ? both(words[0], words[1]) : document.createTextNode(code || '');
  }

  /** A decision code in words; null when there is none or it is not a decision (a document kind). */
  function decisionText(code) {
    var words = DECISIONS[code];
    return words ? both(words[0], words[1]) : null;
  }

  /** A history comment: the system's own are "中文 / English"; officials' free text is shown as written. */
  function comment(step) {
    if (!step.comment) {
      return null;
    }
    return step.step === 'AMOUNT' ? said(step.comment) : document.createTextNode(step.comment);
  }

  function param(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  function onLanguage(listener) {
    listeners.push(listener);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.lang-switch');
    if (button) {
      setLanguage(lang === 'en' ? 'zh' : 'en');
    }
  });

  window.Portal = {
    t: t, pick: pick, split: split, said: said, api: api, problems: problems, time: time, date: date, today: today, money: money, amount: amount, el: el,
    both: both, param: param, stepText: stepText, statusText: statusText, decisionText: decisionText,
    comment: comment, onLanguage: onLanguage, applyLanguage: applyLanguage,
    lang: function () { return lang; }
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', applyLanguage);
  } else {
    applyLanguage();
  }
  // Before the first paint, so that the hidden language never flashes.
  document.documentElement.setAttribute('data-lang', lang);
}());
