// Warns before the idle timeout (WCAG 2.2.1) and lets the user extend the session.
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-sessie-idle") || "0", 10);
  var verlengUrl = body.getAttribute("data-sessie-verlengen");
  var dialoog = document.getElementById("sessie-waarschuwing");
  if (!idle || !verlengUrl || !dialoog || typeof dialoog.showModal !== "function") return;
  var vooraf = Math.min(120, Math.floor(idle / 2));
  var timer = null;

  function plan() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(function () { dialoog.showModal(); }, (idle - vooraf) * 1000);
  }

  dialoog.querySelector("[data-sessie-verleng]").addEventListener("click", function () {
    fetch(verlengUrl, { method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": body.getAttribute("data-csrf") || "" } })
      .then(function (antwoord) {
        if (antwoord.ok) { dialoog.close(); plan(); } else { window.location.reload(); }
      });
  });
  plan();
})();
