/* Draws the charts of a page with the vendored Chart.js (static/vendor/chart.umd.min.js).
   A chart is <canvas data-chart="KIND" data-source="ID"> with its numbers in a JSON data island
   (<script type="application/json" id="ID">, Django's json_script), so no inline script is needed
   (the Content-Security-Policy allows none). The island is apps/core/lib/charts.py Chart.data():
   {kind, title, labels, unit, axisLabel, max, datasets: [{label, data, target}]}; null is a value
   the reader may not see (a suppressed count) and is not drawn. The same numbers are in the table
   under each chart. KIND: flow (stacked bars), trend (lines), bars (grouped bars), target (bars with
   each bar's target marked). */
(function () {
  "use strict";

  // Colour-blind safe (Okabe-Ito), in the order datasets are given.
  var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
                 "#999999", "#882255"];
  var TARGET_COLOUR = "#1d2433";

  function colour(index) {
    return PALETTE[index % PALETTE.length];
  }

  function format(value, unit) {
    if (value === null || value === undefined) return "–";
    var text = Number(value).toLocaleString(document.documentElement.lang || "nl");
    return unit ? text + unit : text;
  }

  function dataset(spec, item, index, kind) {
    var set = {label: item.label, data: item.data, backgroundColor: colour(index), borderColor: colour(index)};
    if (item.target) {
      // A target is a short line at the height of the target over its bar, not a bar.
      set.type = "line";
      set.showLine = false;
      set.pointStyle = "line";
      set.pointRadius = 28;
      set.pointHoverRadius = 30;
      set.pointBorderWidth = 3;
      set.borderColor = TARGET_COLOUR;
      set.backgroundColor = TARGET_COLOUR;
      set.order = -1;
    } else if (kind === "trend") {
      set.fill = false;
      set.tension = 0;
      set.spanGaps = false;
      set.pointRadius = 4;
    }
    return set;
  }

  function config(kind, spec) {
    var unit = spec.unit || "";
    var stacked = kind === "flow";
    var values = {
      stacked: stacked,
      beginAtZero: true,
      title: {display: Boolean(spec.axisLabel), text: spec.axisLabel || ""},
      ticks: {callback: function (value) { return format(value, unit); }},
    };
    if (spec.max !== null && spec.max !== undefined) values.max = spec.max;
    var animate = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return {
      type: kind === "trend" ? "line" : "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (item, index) { return dataset(spec, item, index, kind); }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: animate ? {duration: 300} : false,
        scales: {x: {stacked: stacked}, y: values},
        plugins: {
          legend: {position: "bottom"},
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ": " + format(context.parsed.y, unit);
              },
            },
          },
        },
      },
    };
  }

  function draw(canvas) {
    if (canvas.hasAttribute("data-drawn") || typeof window.Chart !== "function") return;
    var source = document.getElementById(canvas.getAttribute("data-source"));
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    new window.Chart(canvas, config(canvas.getAttribute("data-chart") || spec.kind, spec));
    canvas.setAttribute("data-drawn", "");
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  // Before printing, every chart is drawn again at the printed size (and without animation).
  function resizeAll() {
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var chart = window.Chart && window.Chart.getChart(canvas);
      if (chart) {
        chart.options.animation = false;
        chart.resize();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  } else {
    drawAll();
  }
  // Content that htmx swaps in may hold charts too.
  document.addEventListener("htmx:afterSwap", function (event) { drawAll(event.target); });
  window.addEventListener("beforeprint", resizeAll);
})();
