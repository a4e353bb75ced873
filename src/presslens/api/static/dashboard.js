/* presslens dashboard: charts drawn from /v1/dashboard (Chart.js, served from this origin).
   Every bar and point opens the documents it counts; text is never parsed as HTML. */
(function () {
  "use strict";
  if (typeof window.Chart === "undefined" || !document.getElementById("chart-months")) { return; }
  var FILTERS = ["outlet", "language", "date_from", "date_to"];
  var OUTLET_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933", "#332288"];
  var BASIS_COLOURS = { named: "#009E73", organisation: "#0072B2", anonymous: "#E69F00",
    unverifiable: "#D55E00", unattributed: "#CC79A7" };
  var UNKNOWN = "unknown outlet";
  var here = new URLSearchParams(window.location.search);
  var filters = {};
  FILTERS.forEach(function (k) { if (here.get(k)) { filters[k] = here.get(k); } });

  function query(extra) {
    var params = new URLSearchParams();
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    Object.keys(extra || {}).forEach(function (k) {
      if (extra[k] === null) { params.delete(k); } else { params.set(k, extra[k]); }
    });
    return params.toString();
  }
  function open(extra) { window.location.assign("/documents?" + query(extra)); }
  function monthIndex(m) { return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1; }
  function monthLabel(i) {
    var y = Math.floor(i / 12), m = i % 12 + 1;
    return y + "-" + (m < 10 ? "0" : "") + m;
  }
  function lastDay(month) {
    var y = Number(month.slice(0, 4)), m = Number(month.slice(5, 7));
    return month + "-" + String(new Date(Date.UTC(y, m, 0)).getUTCDate());
  }
  function clicked(handler) {
    return function (evt, elements, chart) {
      if (elements.length) { handler(elements[0], chart); }
    };
  }
  var common = { responsive: true, maintainAspectRatio: false, animation: false };

  function months(stats) {
    var byOutlet = {};
    stats.by_month.forEach(function (r) {
      if (!r.month) { return; }
      (byOutlet[r.outlet] = byOutlet[r.outlet] || []).push(r);
    });
    var outlets = Object.keys(byOutlet).sort(function (a, b) {
      function total(o) { return byOutlet[o].reduce(function (s, r) { return s + r.spans; }, 0); }
      return total(b) - total(a);
    }).slice(0, 8);
    /* One point per month from the outlet's first to its last: a month without documents is a
       gap in the line, not a straight segment across it. */
    function withGaps(rows) {
      var at = {};
      rows.forEach(function (r) { at[monthIndex(r.month)] = r; });
      var keys = Object.keys(at).map(Number);
      var points = [];
      for (var i = Math.min.apply(null, keys); i <= Math.max.apply(null, keys); i++) {
        var r = at[i];
        points.push(r ? { x: i, y: r.spans, month: r.month, documents: r.documents }
          : { x: i, y: null, month: monthLabel(i), documents: 0 });
      }
      return points;
    }
    return new window.Chart(document.getElementById("chart-months"), {
      type: "line",
      data: { datasets: outlets.map(function (o, k) {
        return { label: o, borderColor: OUTLET_COLOURS[k], backgroundColor: OUTLET_COLOURS[k],
          pointRadius: 4, pointHoverRadius: 6, spanGaps: false,
          data: withGaps(byOutlet[o]) };
      }) },
      options: Object.assign({}, common, {
        parsing: false,
        scales: {
          x: { type: "linear", title: { display: true, text: "month" },
            ticks: { stepSize: 1, precision: 0, callback: function (v) { return monthLabel(v); } } },
          y: { beginAtZero: true, title: { display: true, text: "technique spans" }, ticks: { precision: 0 } }
        },
        plugins: { tooltip: { callbacks: {
          title: function (items) { return items.length ? items[0].raw.month : ""; },
          label: function (item) { return item.dataset.label + ": " + item.raw.y + " spans in " + item.raw.documents + " documents"; }
        } } },
        onClick: clicked(function (el, chart) {
          var point = chart.data.datasets[el.datasetIndex].data[el.index];
          var outlet = chart.data.datasets[el.datasetIndex].label;
          open({ outlet: outlet === UNKNOWN ? null : outlet, date_from: point.month + "-01", date_to: lastDay(point.month) });
        })
      })
    });
  }

  function techniques(stats) {
    var rows = stats.techniques.slice(0, 20);
    return new window.Chart(document.getElementById("chart-techniques"), {
      type: "bar",
      data: { labels: rows.map(function (r) { return r.label || r.technique; }),
        datasets: [{ label: "documents", backgroundColor: "#0072B2",
          data: rows.map(function (r) { return r.documents; }) }] },
      options: Object.assign({}, common, { indexAxis: "y",
        scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "documents" } } },
        plugins: { legend: { display: false } },
        onClick: clicked(function (el) { open({ technique: rows[el.index].technique }); }) })
    });
  }

  function sourcing(stats) {
    var outlets = [], bases = Object.keys(BASIS_COLOURS), counts = {};
    stats.sourcing.forEach(function (r) {
      if (outlets.indexOf(r.outlet) < 0) { outlets.push(r.outlet); }
      counts[r.outlet + "\u0000" + r.basis] = r.claims;
    });
    return new window.Chart(document.getElementById("chart-sourcing"), {
      type: "bar",
      data: { labels: outlets, datasets: bases.map(function (b) {
        return { label: b, backgroundColor: BASIS_COLOURS[b],
          data: outlets.map(function (o) { return counts[o + "\u0000" + b] || 0; }) };
      }) },
      options: Object.assign({}, common, {
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "claims" } } },
        onClick: clicked(function (el, chart) {
          var outlet = outlets[el.index];
          open({ outlet: outlet === UNKNOWN ? null : outlet, basis: chart.data.datasets[el.datasetIndex].label });
        }) })
    });
  }

  function speakers(stats) {
    var rows = stats.speakers;
    return new window.Chart(document.getElementById("chart-speakers"), {
      type: "bar",
      data: { labels: rows.map(function (r) { return r.speaker; }),
        datasets: [{ label: "quotes", backgroundColor: "#009E73", data: rows.map(function (r) { return r.quotes; }) }] },
      options: Object.assign({}, common, { indexAxis: "y",
        scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "quotes" } } },
        plugins: { legend: { display: false } },
        onClick: clicked(function (el) { open({ speaker: rows[el.index].speaker }); }) })
    });
  }

  fetch("/v1/dashboard?" + query(), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status)); })
    .then(function (stats) {
      [months, techniques, sourcing, speakers].forEach(function (draw) { draw(stats); });
      document.documentElement.setAttribute("data-charts", "ready");
    })
    .catch(function (err) {
      var total = document.getElementById("dash-total");
      if (total) { total.textContent += " (charts unavailable: " + err.message + ")"; }
    });
})();
