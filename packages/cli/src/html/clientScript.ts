/**
 * The page's own script (plain ES5-style JavaScript, inlined after Chart.js, its annotation plugin and
 * Mermaid): draws each chart of the JSON block `#strive-data` with Chart.js, marks its canvas
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
