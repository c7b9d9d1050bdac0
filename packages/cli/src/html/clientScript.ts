/**
 * The page's own script (plain ES5-style JavaScript, inlined after Chart.js, its annotation plugin and
 * Mermaid): gives each long table (`pagedTable`) a search box and pages drawn from its compact rows,
 * draws each chart of the JSON block `#strive-data` with Chart.js, marks its canvas
 * `data-rendered`, then renders the `pre.mermaid` statecharts to SVG and marks the body
 * `data-diagrams="rendered"`. Without JavaScript the page keeps its tables and the diagrams' source.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('strive-data').textContent);
  var CRITERIA = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2'];
  var STATES = { enrolled: '#94a3b8', committed: '#60a5fa', evaluated: '#818cf8', nominated: '#f59e0b',
    'under-notice': '#fb923c', commended: '#16a34a', 'not-commended': '#dc2626' };
  var PHASES = { mobilizing: '#60a5fa', committing: '#818cf8', evaluating: '#f59e0b',
    commending: '#16a34a', concluded: '#475569' };
  var day = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
  var narrow = window.innerWidth < 640;
  var short = function (label) {
    var max = narrow ? 16 : 32;
    return label.length > max ? label.slice(0, max - 1) + '…' : label;
  };
  var base = function (extra) {
    var o = { animation: false, responsive: true, maintainAspectRatio: false };
    for (var k in extra) o[k] = extra[k];
    return o;
  };
  var line = function (at, colour, text, dash, where) {
    return { type: 'line', xMin: at, xMax: at, borderColor: colour, borderWidth: 2, borderDash: dash,
      label: { display: true, content: text, position: where, backgroundColor: colour, font: { size: 11 } } };
  };
  var configs = {
    states: function (s) {
      return { type: 'bar', data: { labels: s.labels, datasets: [{ label: 'subjects', data: s.values,
        backgroundColor: s.labels.map(function (l) { return STATES[l] || '#64748b'; }) }] },
        options: base({ plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }) };
    },
    turnout: function (s) {
      return { type: 'doughnut', data: { labels: ['evaluated', 'not evaluated'], datasets: [{
        data: [s.evaluated, s.notEvaluated], backgroundColor: ['#16a34a', '#cbd5e1'] }] },
        options: base({ plugins: { title: { display: true, text: s.evaluations + ' evaluations' } } }) };
    },
    satisfaction: function (s) {
      return { type: 'bar', data: { labels: s.subjects, datasets: s.criteria.map(function (c, i) {
        return { label: c, data: s.shares[i], backgroundColor: CRITERIA[i % CRITERIA.length] }; }) },
        options: base({ indexAxis: 'y', scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } },
          y: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } },
          plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + (c.raw === null ? 'no ratings' : c.raw + '%'); } } } } }) };
    },
    phases: function (s) {
      var marks = s.phases.map(function (p) { return p.end; }).concat(s.phases.map(function (p) { return p.start; }));
      if (s.today !== null) marks.push(s.today);
      if (s.deadline !== null) marks.push(s.deadline);
      var min = Math.min.apply(null, marks), max = Math.max.apply(null, marks), pad = (max - min) * 0.03 || 86400000;
      var annotations = {};
      if (s.deadline !== null) annotations.deadline = line(s.deadline, '#64748b', 'deadline ' + day(s.deadline), [6, 4], 'end');
      if (s.today !== null) annotations.today = line(s.today, '#dc2626', 'today ' + day(s.today), [], 'start');
      return { type: 'bar', data: { labels: s.phases.map(function (p) { return p.label; }), datasets: [{
        label: 'phase', minBarLength: 4, data: s.phases.map(function (p) { return [p.start, p.end]; }),
        backgroundColor: s.phases.map(function (p) { return PHASES[p.label] || '#64748b'; }) }] },
        options: base({ indexAxis: 'y', scales: { x: { type: 'linear', min: min - pad, max: max + pad,
          ticks: { maxTicksLimit: narrow ? 3 : 6, maxRotation: 0, callback: function (v) { return day(v); } } } },
          plugins: { legend: { display: false }, annotation: { annotations: annotations },
            tooltip: { callbacks: { label: function (c) { return day(c.raw[0]) + ' to ' + day(c.raw[1]); } } } } }) };
    }
  };
  var cell = function (c) {
    var td = document.createElement('td');
    if (typeof c === 'string') { td.textContent = c; return td; }
    if (typeof c === 'number') { td.className = 'num'; td.textContent = String(c); return td; }
    if (c[1] === 0) { td.className = 'num heat none'; td.textContent = '–'; return td; }
    var p = Math.round((1000 * c[0]) / c[1]) / 10;
    td.className = 'num heat';
    td.style.background = 'hsl(' + Math.round((Math.max(0, p - 50) / 50) * 120) + ' 70% 85%)';
    td.title = c[0] + ' of ' + c[1] + ' ratings excellent or good';
    td.textContent = p.toFixed(1) + '%';
    return td;
  };
  var textOf = function (row) {
    return row.map(function (c) { return typeof c === 'object' ? '' : String(c); }).join(' ').toLowerCase();
  };
  var button = function (label) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    return b;
  };
  Array.prototype.forEach.call(document.querySelectorAll('[data-paged]'), function (box) {
    var source = document.getElementById(box.getAttribute('data-paged') + '-rows');
    var body = box.querySelector('tbody');
    var status = box.querySelector('.paged-status');
    if (!source || !body || !status) return;
    var rows = JSON.parse(source.textContent);
    var size = Number(box.getAttribute('data-page')) || 100;
    var search = document.createElement('input');
    search.type = 'search';
    search.placeholder = 'search ' + rows.length + ' rows';
    search.setAttribute('aria-label', 'search the rows');
    var prev = button('‹ previous'), next = button('next ›');
    var bar = document.createElement('div');
    bar.className = 'paged-bar';
    bar.appendChild(search); bar.appendChild(prev); bar.appendChild(next);
    box.insertBefore(bar, box.firstChild);
    var matches = rows, page = 0;
    var draw = function () {
      var start = page * size, slice = matches.slice(start, start + size);
      var rowsOut = document.createDocumentFragment();
      slice.forEach(function (row) {
        var tr = document.createElement('tr');
        row.forEach(function (c) { tr.appendChild(cell(c)); });
        rowsOut.appendChild(tr);
      });
      body.textContent = '';
      body.appendChild(rowsOut);
      status.textContent = matches.length === 0 ? 'no row matches' : 'rows ' + (start + 1) + '–' +
        (start + slice.length) + ' of ' + matches.length + (matches.length < rows.length ? ' matching (' + rows.length + ' in all)' : '');
      prev.disabled = page === 0;
      next.disabled = start + size >= matches.length;
    };
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      matches = q === '' ? rows : rows.filter(function (r) { return textOf(r).indexOf(q) !== -1; });
      page = 0;
      draw();
    });
    prev.addEventListener('click', function () { if (page > 0) { page -= 1; draw(); } });
    next.addEventListener('click', function () { if ((page + 1) * size < matches.length) { page += 1; draw(); } });
    box.setAttribute('data-paging', 'ready');
    draw();
  });
  if (window.Chart) {
    var annotation = window['chartjs-plugin-annotation'];
    if (annotation) window.Chart.register(annotation);
    data.charts.forEach(function (spec) {
      var canvas = document.getElementById(spec.id);
      if (!canvas || !configs[spec.type]) return;
      new window.Chart(canvas, configs[spec.type](spec));
      canvas.setAttribute('data-rendered', 'true');
    });
  }
  if (window.mermaid) {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
    window.mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
      document.body.setAttribute('data-diagrams', 'rendered');
    }, function (e) {
      document.body.setAttribute('data-diagrams', 'failed');
      console.error(e);
    });
  }
})();
`;
