/*
 * The monthly volumes chart, drawn as inline SVG (no chart library: the pages work offline). It is
 * drawn at the width of its box in CSS pixels, so that its text stays readable on any screen, and
 * drawn again when that width changes.
 */
(function () {
  'use strict';

  var NS = 'http://www.w3.org/2000/svg';
  var SERIES = [
    { key: 'submitted', color: '#1857b6', zh: '提交', en: 'Submitted' },
    { key: 'approved', color: '#d98a00', zh: '批准', en: 'Approved' },
    { key: 'paid', color: '#1d7a3d', zh: '支付', en: 'Paid' }
  ];

  function node(name, attributes, text) {
    var n = document.createElementNS(NS, name);
    Object.keys(attributes).forEach(function (k) { n.setAttribute(k, attributes[k]); });
    if (text !== undefined) {
      n.textContent = text;
    }
    return n;
  }

  /** A round step for the y axis: 1, 2 or 5 times a power of ten. */
  function step(max) {
    var raw = Math.max(1, max) / 4;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var best = [1, 2, 5, 10].map(function (m) { return m * power; }).find(function (s) { return s >= raw; });
    return Math.max(1, best);
  }

  function draw(box, rows, lang) {
    box.textContent = '';
    var width = Math.max(280, box.clientWidth || 600);
    var height = width < 500 ? 240 : 300;
    var left = 44;
    var right = 8;
    var top = 12;
    var bottom = 34;
    var plotW = width - left - right;
    var plotH = height - top - bottom;
    var max = 0;
    rows.forEach(function (r) {
      SERIES.forEach(function (s) { max = Math.max(max, Number(r[s.key]) || 0); });
    });
    var unit = step(max);
    var top_ = Math.max(unit, Math.ceil(max / unit) * unit);
    var title = lang === 'en' ? 'Applications per month: submitted, approved and paid' : '每月申请数：提交、批准、支付';
    var svg = node('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img',
      'aria-label': title, 'font-family': 'inherit', 'font-size': '12' });
    svg.appendChild(node('title', {}, title));
    for (var v = 0; v <= top_; v += unit) {
      var y = top + plotH - (v / top_) * plotH;
      svg.appendChild(node('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: v === 0 ? '#4a5565' : '#dde3ea' }));
      svg.appendChild(node('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', fill: '#4a5565' }, String(v)));
    }
    if (!rows.length) {
      svg.appendChild(node('text', { x: left + plotW / 2, y: top + plotH / 2, 'text-anchor': 'middle', fill: '#4a5565' },
        lang === 'en' ? 'No applications in this period' : '这段时间没有申请'));
    }
    var slot = plotW / Math.max(1, rows.length);
    var barW = Math.max(2, Math.min(18, (slot - 6) / SERIES.length));
    var every = Math.max(1, Math.ceil(52 / slot));
    rows.forEach(function (r, i) {
      var x0 = left + i * slot + (slot - barW * SERIES.length) / 2;
      SERIES.forEach(function (s, j) {
        var value = Number(r[s.key]) || 0;
        var h = (value / top_) * plotH;
        var bar = node('rect', { x: x0 + j * barW, y: top + plotH - h, width: Math.max(1, barW - 1), height: h, fill: s.color,
          'data-series': s.key, 'data-month': r.month, 'data-value': value });
        bar.appendChild(node('title', {}, r.month + ' ' + (lang === 'en' ? s.en : s.zh) + ': ' + value));
        svg.appendChild(bar);
      });
      if (i % every === 0) {
        svg.appendChild(node('text', { x: left + i * slot + slot / 2, y: height - bottom + 18, 'text-anchor': 'middle',
          fill: '#1d2430' }, r.month));
      }
    });
    box.appendChild(svg);
  }

  /** Draws into box and keeps it fitted; returns the legend element to put beside it. */
  function monthly(box, rows, lang) {
    draw(box, rows, lang);
    if (box.chartObserver) {
      box.chartObserver.disconnect();
    }
    var lastWidth = box.clientWidth;
    if (window.ResizeObserver) {
      box.chartObserver = new ResizeObserver(function () {
        if (Math.abs(box.clientWidth - lastWidth) > 8) {
          lastWidth = box.clientWidth;
          draw(box, rows, lang);
        }
      });
      box.chartObserver.observe(box);
    }
    var legend = document.createElement('div');
    legend.className = 'legend';
    SERIES.forEach(function (s) {
      var item = document.createElement('span');
      var swatch = document.createElement('i');
      swatch.style.background = s.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(lang === 'en' ? s.en : s.zh));
      legend.appendChild(item);
    });
    return legend;
  }

  window.Chart = { monthly: monthly };
}());
