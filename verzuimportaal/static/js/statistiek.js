// Chart of the monthly trend on the statistics page. Data from json_script; no inline script (CSP).
(function () {
  "use strict";
  function teken() {
    var bron = document.getElementById("statistiek-grafiekdata");
    var canvas = document.getElementById("statistiek-grafiek");
    if (!bron || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(bron.textContent);
    var teksten = data.teksten;
    var getal = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 2 });
    new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          {
            type: "bar",
            label: teksten.verzuimpercentage,
            data: data.verzuimpercentage,
            backgroundColor: "#01689b",
            yAxisID: "percentage",
          },
          {
            type: "line",
            label: teksten.meldingsfrequentie,
            data: data.meldingsfrequentie,
            borderColor: "#e17000",
            backgroundColor: "#e17000",
            yAxisID: "frequentie",
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: data.locale,
        scales: {
          percentage: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: teksten.as_percentage } },
          frequentie: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: teksten.as_frequentie } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ": " + (context.parsed.y === null ? "–" : getal.format(context.parsed.y));
              },
            },
          },
        },
      },
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", teken);
  } else {
    teken();
  }
})();
