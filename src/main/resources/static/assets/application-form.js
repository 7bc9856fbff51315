/*
 * The application form, shared by the applicant's page (apply.html) and the clerk's (clerk.html):
 * every field explained in plain words, checked while the user types, the documents photographed
 * with the phone's camera; then POST /api/applications, the server's complete list of problems if
 * it finds any, and the documents uploaded one by one.
 */
(function () {
  'use strict';

  var P = window.Portal;
  var el = P.el;
  var both = P.both;
  var MAX_FILE = 10 * 1024 * 1024;
  var PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
  var EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

  function msg(zh, en) {
    return { zh: zh, en: en };
  }

  /** The documents the policy asks for, as the server lists them (DocumentKind.requiredFor). */
  function documentKinds(values) {
    var kinds = [{ kind: 'ID_CARD', zh: '身份证（正面和背面）', en: 'Identity card (front and back)',
      helpZh: '拍清楚姓名和号码，背面也拍一张', helpEn: 'Name and number must be readable; add the back too.' }];
    if (values.type === 'TRANSPORT') {
      kinds.push({ kind: 'EMPLOYMENT_PROOF', zh: '就业证明', en: 'Proof of employment',
        helpZh: '劳动合同、单位出具的证明、3个月工资流水或社保缴费记录，任选一种',
        helpEn: 'Labour contract, employer\'s certificate, 3 months of wage statements or the social-insurance record.' });
      if (values.transport.fare) {
        kinds.push({ kind: 'TICKET', zh: '往返车票', en: 'Travel tickets', helpZh: '按实报销车费时需要',
          helpEn: 'Needed when the fare is reimbursed.' });
      }
    } else if (values.type === 'TRAINING') {
      kinds.push({ kind: 'CERTIFICATE', zh: '证书', en: 'Certificate',
        helpZh: '职业技能等级证书、专项职业能力证书或培训合格证书', helpEn: 'Skill level, special ability or training completion certificate.' });
      if (Number(values.training.trainingDays) > 0) {
        kinds.push({ kind: 'ATTENDANCE', zh: '培训考勤记录', en: 'Training attendance record',
          helpZh: '用于计算生活费补贴', helpEn: 'For the living allowance.' });
      }
    }
    kinds.push({ kind: 'ACCOUNT', zh: '收款账户', en: 'Account to pay into',
      helpZh: '社保卡或本人银行卡，拍清楚卡号', helpEn: 'Social security card or your own bank card, number readable.' });
    kinds.push({ kind: 'PLEDGE', zh: '签字的承诺书', en: 'Signed pledge',
      helpZh: '申请人亲笔签字的承诺书照片', helpEn: 'Photo of the pledge signed by the applicant.' });
    return kinds;
  }

  function create(root, options) {
    options = options || {};
    var clerk = !!options.clerk;
    var fields = {};
    var files = {};
    var touched = {};
    var counties = [];

    // ---- building the form -------------------------------------------------------------------

    function id(name) {
      return 'f-' + name.replace(/\./g, '-');
    }

    function field(name, zh, en, helpZh, helpEn, control, optional, check, note) {
      var errorId = 'e-' + id(name);
      var helpId = 'h-' + id(name);
      control.id = id(name);
      control.name = name;
      control.setAttribute('aria-describedby', helpId + ' ' + errorId);
      var error = el('span', { class: 'field-error', id: errorId, 'aria-live': 'polite' });
      var noteNode = el('span', { class: 'field-note', 'aria-live': 'polite' });
      var okNode = el('span', { class: 'field-ok', 'aria-live': 'polite' });
      var wrapper = el('div', { class: 'field', 'data-field': name },
        el('label', { for: control.id }, both(zh, en),
          optional ? el('span', { class: 'optional' }, both('（可不填）', ' (optional)')) : null),
        helpZh ? el('span', { class: 'help', id: helpId }, both(helpZh, helpEn)) : el('span', { id: helpId }),
        control, error, noteNode, okNode);
      fields[name] = { wrapper: wrapper, control: control, error: error, note: noteNode, ok: okNode, check: check,
        hint: note, label: msg(zh, en) };
      control.addEventListener('blur', function () {
        touched[name] = true;
        validateField(name);
      });
      control.addEventListener('input', function () {
        if (touched[name] || name === 'applicant.idNumber') {
          validateField(name, true);
        }
      });
      control.addEventListener('change', function () {
        touched[name] = true;
        validateField(name);
      });
      return wrapper;
    }

    function input(type, extra) {
      return el('input', Object.assign({ type: type, autocomplete: 'off' }, extra || {}));
    }

    function select(choices) {
      var node = el('select', {});
      node.appendChild(el('option', { value: '', 'data-zh': '请选择', 'data-en': 'Choose' }, '请选择'));
      choices.forEach(function (c) {
        node.appendChild(el('option', { value: c.value, 'data-zh': c.zh, 'data-en': c.en }, c.zh));
      });
      return node;
    }

    function required(label) {
      return function (v) {
        return v.trim() ? [] : [msg('请填写' + label.zh, 'Please fill in: ' + label.en)];
      };
    }

    function text(labelZh, labelEn, max, optional) {
      return function (v) {
        var s = v.trim();
        if (!s) {
          return optional ? [] : [msg('请填写' + labelZh, 'Please fill in: ' + labelEn)];
        }
        return s.length > max ? [msg(labelZh + '不能超过' + max + '个字', labelEn + ' must be at most ' + max + ' characters.')] : [];
      };
    }

    function dateCheck(labelZh, labelEn) {
      return function (v) {
        if (!v) {
          return [msg('请填写' + labelZh, 'Please fill in: ' + labelEn)];
        }
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isNaN(Date.parse(v))) {
          return [msg(labelZh + '应为有效日期，例如 2026-05-10', labelEn + ' must be a real date like 2026-05-10.')];
        }
        return v > P.today() ? [msg(labelZh + '不能晚于今天', labelEn + ' cannot be in the future.')] : [];
      };
    }

    function monthsBefore(iso, months) {
      var d = new Date(iso + 'T00:00:00Z');
      d.setUTCMonth(d.getUTCMonth() - months);
      return d.toISOString().slice(0, 10);
    }

    var typeChoices = el('div', { class: 'choices', role: 'radiogroup', 'aria-labelledby': 'type-legend' });
    [['TRAINING', '职业培训补贴', 'Vocational training subsidy',
      '参加职业技能培训并取得证书后申请；证书发放后12个月内申请。按证书等级补贴，另有培训期间生活费补贴。',
      'For a training course you completed with a certificate; apply within 12 months of the certificate. '
        + 'The amount depends on the certificate, plus a living allowance for the training days.'],
    ['TRANSPORT', '一次性交通补助', 'Transportation subsidy',
      '到本县以外务工、连续3个月以上；每人每年一次。按务工地远近补助。',
      'For working outside your home county for 3 months in a row or more; once a year. '
        + 'The amount depends on how far away you work.']].forEach(function (c) {
      var radio = el('input', { type: 'radio', name: 'type', value: c[0] });
      typeChoices.appendChild(el('label', { class: 'choice' }, radio,
        el('span', {}, el('strong', {}, both(c[1], c[2])), el('span', { class: 'muted' }, both(c[3], c[4])))));
      radio.addEventListener('change', function () {
        touched.type = true;
        validateField('type');
        showDetails();
      });
    });
    var typeError = el('span', { class: 'field-error', 'aria-live': 'polite' });
    var typeWrapper = el('div', { class: 'field', 'data-field': 'type' }, typeChoices, typeError);
    fields.type = { wrapper: typeWrapper, control: typeChoices.querySelector('input'), error: typeError,
      note: el('span'), ok: el('span'), label: msg('补贴类型', 'Subsidy'),
      check: function () {
        return values().type ? [] : [msg('请选择要申请的补贴', 'Choose the subsidy you apply for.')];
      } };

    var countySelect = el('select', {});
    var agentSection = null;
    if (clerk) {
      agentSection = el('fieldset', {}, el('legend', {}, both('代办人', 'Clerk filing the application')),
        el('p', { class: 'help' }, both('您为他人代办申请。以下信息会保留，为下一位申请人填写时不用重填。',
          'You file for someone else. These details are kept for the next applicant.')),
        field('agent.name', '代办人姓名', 'Your name', null, null, input('text', { autocomplete: 'name' }), false,
          text('代办人姓名', 'your name', 50)),
        field('agent.organization', '代办单位（村委会或乡镇）', 'Your village committee or township', '例如 某某村村委会',
          'For example, the village committee.', input('text'), false, text('代办单位', 'your village or township', 100)),
        field('agent.phone', '代办人电话', 'Your phone', null, null, input('tel', { inputmode: 'tel' }), true,
          function (v) {
            return v.trim() && !PHONE.test(v.trim()) ? [msg('电话应为11位手机号码，或带区号的座机号码',
              'The phone must be an 11-digit mobile number or a landline with area code.')] : [];
          }));
    }

    var idInput = input('text', { inputmode: 'text', autocapitalize: 'characters', maxlength: '18', spellcheck: 'false' });
    var applicantSection = el('fieldset', {}, el('legend', {}, both('申请人', clerk ? 'The applicant' : 'About you')),
      field('countyCode', '户籍所在县', 'Home county', '在户籍所在的县申请', 'Apply in the county where the household is registered.',
        countySelect, false, function (v) { return v ? [] : [msg('请选择户籍所在县', 'Choose the home county.')]; }),
      field('applicant.name', '姓名', 'Full name', '与身份证上的姓名一致', 'As on the identity card.',
        input('text', { autocomplete: clerk ? 'off' : 'name' }), false, text('姓名', 'the name', 50)),
      field('applicant.idNumber', '身份证号码', 'Identity card number', '18位，最后一位可能是字母X',
        '18 characters; the last one may be the letter X.', idInput, false, idCheck),
      field('applicant.phone', '手机号码', 'Mobile phone', '11位，县里有事会打这个电话', '11 digits; the county calls this number if needed.',
        input('tel', { inputmode: 'tel', autocomplete: clerk ? 'off' : 'tel' }), true, function (v) {
          return v.trim() && !PHONE.test(v.trim()) ? [msg('手机号码应为11位数字，座机请带区号', 'The phone must be 11 digits (mobile) or a landline with area code.')] : [];
        }),
      field('applicant.email', '电子邮箱', 'Email', '填写后，办理进度会发到这个邮箱', 'Progress messages are sent to this address.',
        input('email', { inputmode: 'email', autocomplete: clerk ? 'off' : 'email' }), true, function (v) {
          return v.trim() && !EMAIL.test(v.trim()) ? [msg('电子邮箱格式不正确，例如 zhang@example.com', 'The email address is malformed (e.g. zhang@example.com).')] : [];
        }));

    function idCheck(v, live) {
      var value = v.trim();
      if (live && value.length < 18 && /^\d*$/.test(value)) {
        return [];
      }
      return IdNumber.problems(value, P.today()).map(function (p) { return msg(p.zh, p.en); });
    }

    var trainingSection = el('fieldset', { 'data-section': 'TRAINING', hidden: true },
      el('legend', {}, both('培训和证书', 'Training and certificate')),
      field('training.occupation', '培训职业（工种）', 'Occupation trained for', '证书上写的职业，例如 电工、育婴员、中式烹调师',
        'The occupation on the certificate, e.g. electrician, childcare worker, cook.', input('text'), false,
        text('培训职业', 'the occupation', 50)),
      field('training.level', '证书类型', 'Certificate', '按证书上写的等级选择', 'As written on the certificate.',
        select([{ value: 'PRIMARY', zh: '初级（五级）职业技能等级证书', en: 'Skill level certificate, primary (level 5)' },
          { value: 'INTERMEDIATE', zh: '中级（四级）职业技能等级证书', en: 'Skill level certificate, intermediate (level 4)' },
          { value: 'ADVANCED', zh: '高级（三级）职业技能等级证书', en: 'Skill level certificate, advanced (level 3)' },
          { value: 'SPECIAL_ABILITY', zh: '专项职业能力证书', en: 'Special vocational ability certificate' },
          { value: 'COMPLETION', zh: '培训合格证书', en: 'Training completion certificate' }]), false,
        function (v) { return v ? [] : [msg('请选择证书类型', 'Choose the certificate.')]; }),
      field('training.certificateNo', '证书编号', 'Certificate number', null, null, input('text'), false,
        text('证书编号', 'the certificate number', 50)),
      field('training.certificateDate', '发证日期', 'Date of issue', '证书发放后12个月内可以申请', 'You can apply within 12 months of this date.',
        input('date'), false, dateCheck('发证日期', 'The date of issue'), function (v) {
          return v && v < monthsBefore(P.today(), 12) ? msg('发证已超过12个月，可能不符合申请条件', 'The certificate is more than 12 months old; the claim may not be accepted.') : null;
        }),
      field('training.trainingDays', '培训天数', 'Training days', '用于计算生活费补贴；没有就填0', 'For the living allowance; 0 if none.',
        input('number', { inputmode: 'numeric', min: '0', max: '366', step: '1' }), false, function (v) {
          if (!v.trim()) {
            return [msg('请填写培训天数，没有就填0', 'Fill in the training days (0 if none).')];
          }
          return /^\d+$/.test(v.trim()) && Number(v) <= 366 ? [] : [msg('培训天数应为0到366之间的整数', 'The training days must be a whole number from 0 to 366.')];
        }));

    var yearInput = input('number', { inputmode: 'numeric', min: '2000', step: '1' });
    var bandSelect = select([{ value: 'OTHER_PROVINCE', zh: '外省（跨省务工）', en: 'Another province' },
      { value: 'OTHER_PREFECTURE', zh: '本省的其他市（省内跨市）', en: 'Another city of this province' },
      { value: 'OTHER_COUNTY', zh: '本市的其他县区（市内跨县）', en: 'Another county of this city' }]);
    var transportSection = el('fieldset', { 'data-section': 'TRANSPORT', hidden: true },
      el('legend', {}, both('在外务工', 'Work away from home')),
      field('transport.year', '补助年度', 'Subsidy year', '每人每年只能领一次', 'Paid once per person per year.', yearInput, false,
        function (v) {
          var y = Number(v);
          if (!v.trim()) {
            return [msg('请填写补助年度', 'Fill in the subsidy year.')];
          }
          return /^\d{4}$/.test(v.trim()) && y >= 2000 && y <= Number(P.today().slice(0, 4)) ? []
            : [msg('补助年度应为2000年到今年之间', 'The subsidy year must be between 2000 and this year.')];
        }),
      field('transport.band', '在哪里务工', 'Where you work', '按务工地离家的远近选择', 'How far from home you work.', bandSelect, false,
        function (v) { return v ? [] : [msg('请选择务工地点', 'Choose where you work.')]; }),
      field('transport.workProvince', '务工省份', 'Province of work', '例如 广东省', 'For example, Guangdong.', input('text'), false,
        text('务工省份', 'the province of work', 50)),
      field('transport.workPrefecture', '务工城市（地市）', 'City of work', '例如 深圳市；在本省其他市务工时必须填写',
        'For example, Shenzhen; required when you work in another city of your province.', input('text'), true,
        function (v) {
          if (values().transport.band === 'OTHER_PREFECTURE' && !v.trim()) {
            return [msg('请填写务工城市', 'Fill in the city of work.')];
          }
          return text('务工城市', 'the city of work', 50, true)(v);
        }),
      field('transport.workCounty', '务工县区', 'County or district of work', '在本市其他县区务工时必须填写',
        'Required when you work in another county of your city.', input('text'), true, function (v) {
          if (values().transport.band === 'OTHER_COUNTY' && !v.trim()) {
            return [msg('请填写务工县区', 'Fill in the county of work.')];
          }
          return text('务工县区', 'the county of work', 50, true)(v);
        }),
      field('transport.employer', '就业单位', 'Employer', '工厂、公司或工地的名称', 'Name of the factory, company or site.', input('text'),
        false, text('就业单位', 'the employer', 100)),
      field('transport.employmentStart', '开始务工的日期', 'Date you started this work', '需要连续务工满3个月',
        'You need 3 months of work in a row.', input('date'), false, dateCheck('开始务工日期', 'The start date'), function (v) {
          return v && v > monthsBefore(P.today(), 3) ? msg('务工还不满3个月，满3个月后再申请', 'Less than 3 months so far; apply when you have worked 3 months.') : null;
        }),
      field('transport.fare', '往返车费（元）', 'Fare (yuan)', '只有按实报销车费的县才需要填写，其他县不用填',
        'Only in counties that reimburse the actual fare; leave empty otherwise.', input('text', { inputmode: 'decimal' }), true,
        function (v) {
          var s = v.trim();
          return !s || (/^\d+(\.\d{1,2})?$/.test(s) && Number(s) <= 100000) ? []
            : [msg('车费应为金额，例如 420 或 420.50', 'The fare must be an amount like 420 or 420.50.')];
        }));

    var accountSection = el('fieldset', {}, el('legend', {}, both('收款账户', 'Account to pay into')),
      el('p', { class: 'help' }, both('补贴只打到申请人本人的社保卡或银行卡。', 'The subsidy is paid only into the applicant\'s own social security card or bank account.')),
      field('account.bank', '开户银行', 'Bank', '例如 中国农业银行、农村信用社', 'For example, Agricultural Bank of China.', input('text'), false,
        text('开户银行', 'the bank', 100)),
      field('account.number', '卡号（账号）', 'Card (account) number', '10到30位数字，可以带空格', '10 to 30 digits; spaces are fine.',
        input('text', { inputmode: 'numeric', autocomplete: 'off' }), false, function (v) {
          var digits = v.replace(/\s/g, '');
          if (!digits) {
            return [msg('请填写卡号', 'Fill in the account number.')];
          }
          return /^\d{10,30}$/.test(digits) ? [] : [msg('卡号应为10到30位数字', 'The account number must be 10 to 30 digits.')];
        }));

    var documentList = el('div', { id: 'f-documents', tabindex: '-1' });
    var documentError = el('span', { class: 'field-error', 'aria-live': 'polite' });
    var documentSection = el('fieldset', { 'data-field': 'documents' }, el('legend', {}, both('材料照片', 'Photos of the documents')),
      el('p', { class: 'help' }, both('点“拍照”用手机拍下每份材料，也可以选PDF文件。照片要清楚、完整。每份不超过10MB。',
        'Tap "Take a photo" to photograph each document, or choose a PDF. Photos must be sharp and complete; 10 MB at most each.')),
      documentList, documentError);
    fields.documents = { wrapper: documentSection, control: documentList, error: documentError, note: el('span'),
      ok: el('span'), label: msg('材料', 'Documents'), check: documentCheck };

    var pledgeBox = el('input', { type: 'checkbox', id: 'f-pledge', name: 'pledge' });
    var pledgeError = el('span', { class: 'field-error', id: 'e-f-pledge', 'aria-live': 'polite' });
    var pledgeSection = el('fieldset', { 'data-field': 'pledge' }, el('legend', {}, both('承诺', 'Pledge')),
      el('label', { class: 'check', for: 'f-pledge' }, pledgeBox, el('span', {},
        clerk ? both('申请人已签字承诺：所填信息真实，本人不是公职人员；如有虚假，愿退回补贴并承担责任。',
          'The applicant has signed the pledge: the information is true and they are not a public employee; if anything is false they will return the subsidy and bear the consequences.')
          : both('我承诺：所填信息真实，我不是公职人员；如有虚假，愿退回补贴并承担责任。',
            'I declare that the information is true and that I am not a public employee; if anything is false I will return the subsidy and bear the consequences.'))),
      pledgeError);
    pledgeBox.addEventListener('change', function () { validateField('pledge'); });
    fields.pledge = { wrapper: pledgeSection, control: pledgeBox, error: pledgeError, note: el('span'), ok: el('span'),
      label: msg('承诺', 'Pledge'), check: function () {
        return pledgeBox.checked ? [] : [msg('请勾选承诺（申请人须签署承诺书）', 'Tick the pledge (the applicant must sign it).')];
      } };

    var summary = el('div', { class: 'summary-box', tabindex: '-1', role: 'alert', hidden: true });
    var progress = el('p', { class: 'muted', 'aria-live': 'polite' });
    var submit = el('button', { type: 'submit', class: 'primary block' }, both('提交申请', 'Submit the application'));

    var form = el('form', { novalidate: true, autocomplete: 'off' },
      summary,
      agentSection,
      el('fieldset', {}, el('legend', { id: 'type-legend' }, both('申请哪种补贴', 'Which subsidy')), typeWrapper),
      applicantSection, trainingSection, transportSection, accountSection, documentSection, pledgeSection,
      submit, progress);
    root.appendChild(form);

    // ---- values, checks and problems ----------------------------------------------------------

    function valueOf(name) {
      return fields[name] ? fields[name].control.value : '';
    }

    function values() {
      var checked = form.querySelector('input[name="type"]:checked');
      return {
        type: checked ? checked.value : '',
        training: { trainingDays: valueOf('training.trainingDays') },
        transport: { band: valueOf('transport.band'), fare: valueOf('transport.fare').trim() }
      };
    }

    function show(node, messages) {
      node.textContent = '';
      messages.forEach(function (m, i) {
        if (i > 0) {
          node.appendChild(el('br'));
        }
        node.appendChild(both(m.zh, m.en));
      });
    }

    function validateField(name, live) {
      var f = fields[name];
      if (!f || f.wrapper.closest('[hidden]')) {
        return [];
      }
      var problems = f.check ? f.check(f.control.value, live) : [];
      show(f.error, problems);
      if (f.control.tagName !== 'DIV') {
        f.control.setAttribute('aria-invalid', problems.length ? 'true' : 'false');
      }
      var hint = f.hint ? f.hint(f.control.value) : null;
      show(f.note, problems.length || !hint ? [] : [hint]);
      if (name === 'applicant.idNumber') {
        var ok = !problems.length && f.control.value.trim().length === 18;
        show(f.ok, ok ? [msg('号码有效，出生日期 ' + IdNumber.birthDate(f.control.value), 'Valid; born ' + IdNumber.birthDate(f.control.value))] : []);
      }
      return problems;
    }

    function validateAll() {
      var all = [];
      Object.keys(fields).forEach(function (name) {
        touched[name] = true;
        validateField(name).forEach(function (p) {
          all.push({ field: name, zh: p.zh, en: p.en });
        });
      });
      return all;
    }

    function showSummary(problems, title) {
      summary.textContent = '';
      if (!problems.length) {
        summary.hidden = true;
        return;
      }
      var list = el('ul', {});
      problems.forEach(function (p) {
        var target = p.field && fields[p.field] ? fields[p.field] : null;
        var text = both(p.zh, p.en);
        list.appendChild(el('li', {}, target ? el('a', { href: '#' + (target.control.id || ''), onclick: function (event) {
          event.preventDefault();
          target.wrapper.scrollIntoView({ block: 'center' });
          if (target.control.focus) {
            target.control.focus();
          }
        } }, text) : text));
      });
      summary.appendChild(el('h2', {}, title || both('请改正以下 ' + problems.length + ' 处问题', 'Please correct ' + problems.length + ' problem(s)')));
      summary.appendChild(list);
      summary.hidden = false;
      summary.scrollIntoView({ block: 'start' });
      summary.focus({ preventScroll: true });
    }

    /** The server's own list of problems, each at its field when there is one. */
    function showServerProblems(answer) {
      var byField = {};
      var problems = P.problems(answer).map(function (p) {
        var halves = P.split(p.message);
        var name = fieldFor(p.field);
        if (name && fields[name]) {
          (byField[name] = byField[name] || []).push(msg(halves.zh, halves.en));
        }
        return { field: name, zh: halves.zh, en: halves.en };
      });
      Object.keys(byField).forEach(function (name) {
        var f = fields[name];
        show(f.error, byField[name]);
        show(f.ok, []);
        if (f.control.tagName !== 'DIV') {
          f.control.setAttribute('aria-invalid', 'true');
        }
      });
      showSummary(problems, answer.status === 400
        ? both('系统检查发现 ' + problems.length + ' 处问题，请改正后再提交', 'The office found ' + problems.length + ' problem(s); please correct them and submit again')
        : both('没有提交成功', 'The application was not submitted'));
    }

    function fieldFor(serverField) {
      if (!serverField) {
        return null;
      }
      if (fields[serverField]) {
        return serverField;
      }
      var map = { applicant: 'applicant.name', training: 'training.occupation', transport: 'transport.employer',
        account: 'account.bank', agent: 'agent.name' };
      return map[serverField] || null;
    }

    // ---- documents ----------------------------------------------------------------------------

    function documentCheck() {
      var missing = documentKinds(values()).filter(function (k) {
        return !(files[k.kind] && files[k.kind].length);
      });
      var problems = [];
      if (!values().type) {
        return problems;
      }
      if (missing.length) {
        problems.push(msg('请上传：' + missing.map(function (k) { return k.zh; }).join('、'),
          'Please add: ' + missing.map(function (k) { return k.en.toLowerCase(); }).join(', ') + '.'));
      }
      Object.keys(files).forEach(function (kind) {
        (files[kind] || []).forEach(function (f) {
          if (f.size > MAX_FILE) {
            problems.push(msg(f.name + ' 超过10MB', f.name + ' is larger than 10 MB.'));
          } else if (!/^image\/|^application\/pdf$/.test(f.type || '')) {
            problems.push(msg(f.name + ' 不是照片或PDF文件', f.name + ' is not a photo or a PDF file.'));
          }
        });
      });
      return problems;
    }

    function renderDocuments() {
      documentList.textContent = '';
      var kinds = values().type ? documentKinds(values()) : [];
      if (!kinds.length) {
        documentList.appendChild(el('p', { class: 'muted' }, both('先在上面选择补贴，这里会列出需要的材料。',
          'Choose the subsidy above first; the documents it needs are listed here.')));
        return;
      }
      kinds.concat([{ kind: 'OTHER', zh: '其他材料', en: 'Other documents', helpZh: '需要时再添加', helpEn: 'Only if needed.', optional: true }])
        .forEach(function (k) {
          var inputId = 'file-' + k.kind;
          var picker = el('input', { type: 'file', id: inputId, accept: 'image/*,application/pdf', capture: 'environment',
            'data-kind': k.kind });
          picker.addEventListener('change', function () {
            var chosen = Array.prototype.slice.call(picker.files || []);
            files[k.kind] = (files[k.kind] || []).concat(chosen);
            picker.value = '';
            renderDocuments();
            validateField('documents');
          });
          var chosenList = el('ul', { class: 'plain' });
          (files[k.kind] || []).forEach(function (f, index) {
            var preview = /^image\//.test(f.type) ? el('img', { class: 'preview', alt: '', src: URL.createObjectURL(f) }) : null;
            chosenList.appendChild(el('li', {}, el('div', { class: 'file-box' }, preview,
              el('span', { class: 'file-name' }, f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)'),
              el('button', { type: 'button', class: 'secondary', onclick: function () {
                files[k.kind].splice(index, 1);
                renderDocuments();
                validateField('documents');
              } }, both('删除', 'Remove')))));
          });
          documentList.appendChild(el('div', { class: 'field file-field', 'data-kind': k.kind },
            el('span', { class: 'label' }, both(k.zh, k.en),
              k.optional ? el('span', { class: 'optional' }, both('（可不填）', ' (optional)')) : null),
            el('span', { class: 'help' }, both(k.helpZh, k.helpEn)),
            chosenList,
            el('div', { class: 'file-box' }, picker,
              el('label', { class: 'file-button', for: inputId },
                (files[k.kind] || []).length ? both('再拍一张', 'Add another') : both('拍照或选择文件', 'Take a photo or choose a file')))));
        });
    }

    /** Large photos are scaled down before upload: villages often have slow mobile data. */
    function prepare(file) {
      if (!/^image\//.test(file.type) || (file.size < 1500000 && /^image\/(jpeg|png)$/.test(file.type))
          || !window.createImageBitmap) {
        return Promise.resolve(file);
      }
      return createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, 2400 / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) {
          canvas.toBlob(function (blob) {
            resolve(blob ? new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
          }, 'image/jpeg', 0.85);
        });
      }).catch(function () { return file; });
    }

    function upload(applicationNo, idNumber, kind, file) {
      return prepare(file).then(function (prepared) {
        var data = new FormData();
        data.append('file', prepared, prepared.name);
        data.append('kind', kind);
        return P.api('/api/applications/' + encodeURIComponent(applicationNo) + '/documents',
          { method: 'POST', body: data, headers: { 'X-Id-Number': idNumber } });
      });
    }

    // ---- submitting ---------------------------------------------------------------------------

    function body() {
      var v = values();
      var request = {
        type: v.type,
        applicant: { idNumber: valueOf('applicant.idNumber').trim(), name: valueOf('applicant.name').trim(),
          phone: valueOf('applicant.phone').trim(), email: valueOf('applicant.email').trim() },
        countyCode: valueOf('countyCode'),
        account: { bank: valueOf('account.bank').trim(), number: valueOf('account.number').replace(/\s/g, '') },
        pledge: pledgeBox.checked
      };
      if (clerk) {
        request.agent = { name: valueOf('agent.name').trim(), organization: valueOf('agent.organization').trim(),
          phone: valueOf('agent.phone').trim() };
      }
      if (v.type === 'TRAINING') {
        request.training = { occupation: valueOf('training.occupation').trim(), level: valueOf('training.level'),
          certificateNo: valueOf('training.certificateNo').trim(), certificateDate: valueOf('training.certificateDate'),
          trainingDays: valueOf('training.trainingDays').trim() };
      } else if (v.type === 'TRANSPORT') {
        request.transport = { year: valueOf('transport.year').trim(), workProvince: valueOf('transport.workProvince').trim(),
          workPrefecture: valueOf('transport.workPrefecture').trim(), workCounty: valueOf('transport.workCounty').trim(),
          employer: valueOf('transport.employer').trim(), employmentStart: valueOf('transport.employmentStart'),
          band: valueOf('transport.band'), fare: v.transport.fare };
      }
      return request;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var problems = validateAll();
      if (problems.length) {
        showSummary(problems);
        return;
      }
      var request = body();
      var toUpload = [];
      Object.keys(files).forEach(function (kind) {
        (files[kind] || []).forEach(function (f) { toUpload.push({ kind: kind, file: f }); });
      });
      submit.disabled = true;
      progress.textContent = P.t('正在提交……', 'Submitting…');
      P.api('/api/applications', { method: 'POST', json: request }).then(function (answer) {
        if (answer.status !== 201) {
          submit.disabled = false;
          progress.textContent = '';
          showServerProblems(answer);
          return null;
        }
        summary.hidden = true;
        var no = answer.data.applicationNo;
        var results = [];
        var chain = Promise.resolve();
        toUpload.forEach(function (item, index) {
          chain = chain.then(function () {
            progress.textContent = P.t('正在上传材料 ' + (index + 1) + '/' + toUpload.length,
              'Uploading document ' + (index + 1) + ' of ' + toUpload.length);
            return upload(no, request.applicant.idNumber, item.kind, item.file).then(function (result) {
              results.push({ kind: item.kind, name: item.file.name, ok: result.status === 201,
                message: result.status === 201 ? null : P.problems(result)[0].message });
            });
          });
        });
        return chain.then(function () {
          // Where it stands now: the eligibility check may have decided already.
          return P.api('/api/applications/' + encodeURIComponent(no), { headers: { 'X-Id-Number': request.applicant.idNumber } });
        }).then(function (status) {
          submit.disabled = false;
          progress.textContent = '';
          if (options.onSubmitted) {
            options.onSubmitted({ applicationNo: no, name: request.applicant.name, idNumber: request.applicant.idNumber,
              type: request.type, uploads: results, view: status.ok ? status.data : null });
          }
        });
      });
    });

    function showDetails() {
      var type = values().type;
      trainingSection.hidden = type !== 'TRAINING';
      transportSection.hidden = type !== 'TRANSPORT';
      renderDocuments();
    }

    ['training.trainingDays', 'transport.fare'].forEach(function (name) {
      fields[name].control.addEventListener('change', renderDocuments);
    });

    // ---- counties, defaults, the clerk's next applicant -----------------------------------------

    function loadCounties() {
      return P.api('/api/counties').then(function (answer) {
        counties = answer.ok ? answer.data : [];
        countySelect.textContent = '';
        countySelect.appendChild(el('option', { value: '', 'data-zh': '请选择', 'data-en': 'Choose' }, '请选择'));
        counties.forEach(function (c) {
          var zh = c.name + '（' + c.provinceName + ' ' + c.prefecture + '）';
          countySelect.appendChild(el('option', { value: c.code, 'data-zh': zh, 'data-en': c.name + ' (' + c.code + ')' }, zh));
        });
        var remembered = options.county || storage('county');
        if (remembered) {
          countySelect.value = remembered;
        }
        P.applyLanguage();
      });
    }

    countySelect.addEventListener('change', function () { storage('county', countySelect.value); });

    function storage(key, value) {
      try {
        if (value === undefined) {
          return localStorage.getItem('subsidy.form.' + key);
        }
        localStorage.setItem('subsidy.form.' + key, value);
      } catch (e) { /* not kept */ }
      return null;
    }

    if (clerk) {
      ['agent.name', 'agent.organization', 'agent.phone'].forEach(function (name) {
        var kept = storage(name);
        if (kept) {
          fields[name].control.value = kept;
        }
        fields[name].control.addEventListener('change', function () { storage(name, fields[name].control.value); });
      });
    }

    /** Clears what belongs to one applicant; keeps the clerk, the county and the subsidy. */
    function nextApplicant() {
      Object.keys(fields).forEach(function (name) {
        if (name.indexOf('agent.') === 0 || name === 'countyCode' || name === 'type' || name === 'documents'
            || name === 'pledge') {
          return;
        }
        fields[name].control.value = '';
        show(fields[name].error, []);
        show(fields[name].note, []);
        show(fields[name].ok, []);
        fields[name].control.setAttribute('aria-invalid', 'false');
        delete touched[name];
      });
      yearInput.value = P.today().slice(0, 4);
      pledgeBox.checked = false;
      files = {};
      summary.hidden = true;
      renderDocuments();
    }

    yearInput.value = P.today().slice(0, 4);
    renderDocuments();
    loadCounties();

    return { form: form, nextApplicant: nextApplicant, values: values };
  }

  window.ApplicationForm = { create: create, documentKinds: documentKinds };
}());
