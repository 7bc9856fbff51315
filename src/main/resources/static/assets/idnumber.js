/*
 * The resident identity number check of GB 11643-1999, the same as the server's (cn.subsidy.person.IdNumber):
 * 18 characters, 17 digits and a check character "10X98765432"[sum(digit * weight) mod 11], a real
 * birth date that is not in the future. Lower-case x is fine.
 */
(function () {
  'use strict';

  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = '10X98765432';

  function checkCharacter(first17) {
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  function realDate(yyyymmdd) {
    var y = Number(yyyymmdd.slice(0, 4));
    var m = Number(yyyymmdd.slice(4, 6));
    var d = Number(yyyymmdd.slice(6, 8));
    var date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1800 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  /**
   * Every problem with the number on {@code today} ("yyyy-mm-dd"), as {zh, en} messages; none if it is valid.
   */
  function problems(raw, today) {
    var id = (raw || '').trim().toUpperCase();
    if (!id) {
      return [{ zh: '请填写身份证号码', en: 'The identity number is missing.' }];
    }
    if (id.length !== 18) {
      return [{ zh: '身份证号码应为18位，现为' + id.length + '位', en: 'The identity number must have 18 characters, not ' + id.length + '.' }];
    }
    if (!/^\d{17}[\dX]$/.test(id)) {
      return [{ zh: '身份证号码前17位应为数字，最后一位为数字或X', en: 'The identity number must be 17 digits followed by a digit or X.' }];
    }
    var found = [];
    var birth = id.slice(6, 14);
    var birthIso = birth.slice(0, 4) + '-' + birth.slice(4, 6) + '-' + birth.slice(6, 8);
    if (!realDate(birth)) {
      found.push({ zh: '身份证号码中的出生日期' + birth + '不是有效日期', en: 'The birth date ' + birth + ' in the identity number is not a real date.' });
    } else if (today && birthIso > today) {
      found.push({ zh: '身份证号码中的出生日期' + birthIso + '在未来', en: 'The birth date ' + birthIso + ' in the identity number is in the future.' });
    }
    if (id.charAt(17) !== checkCharacter(id.slice(0, 17))) {
      found.push({ zh: '身份证号码校验位错误，请核对每一位数字', en: "The identity number's check character is wrong; check every digit." });
    }
    return found;
  }

  /** The birth date "yyyy-mm-dd" of a valid number. */
  function birthDate(raw) {
    var id = (raw || '').trim();
    return id.slice(6, 10) + '-' + id.slice(10, 12) + '-' + id.slice(12, 14);
  }

  window.IdNumber = { problems: problems, checkCharacter: checkCharacter, birthDate: birthDate };
}());
