// Main menu on narrow screens: a "Menu" button opens and closes the list. Without JavaScript
// the list is simply shown (the button stays hidden).
(function () {
  "use strict";
  var knop = document.querySelector("[data-menu-knop]");
  var lijst = document.getElementById("hoofdmenu-lijst");
  if (!knop || !lijst) {
    return;
  }
  document.documentElement.classList.add("vp-js");
  knop.hidden = false;
  knop.setAttribute("aria-expanded", "false");
  knop.addEventListener("click", function () {
    var open = knop.getAttribute("aria-expanded") === "true";
    knop.setAttribute("aria-expanded", open ? "false" : "true");
  });
})();
