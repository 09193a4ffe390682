// CertLint HTML report: filters, sorting and keyboard tooltips. No network, no external code.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };

  // Findings filters: severity, rule, file and free text; the count is announced to screen readers.
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings-table tbody tr"));
  function applyFilters() {
    var sev = $("f-severity").value, rule = $("f-rule").value;
    var file = $("f-file").value.toLowerCase(), text = $("f-text").value.toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!sev || r.dataset.severity === sev) && (!rule || r.dataset.rule === rule) &&
        (!file || r.cells[2].textContent.toLowerCase().indexOf(file) >= 0) &&
        (!text || r.textContent.toLowerCase().indexOf(text) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    $("f-count").textContent = shown + " of " + rows.length + " findings shown";
  }
  ["f-severity", "f-rule", "f-file", "f-text"].forEach(function (id) {
    var el = $(id);
    if (el) { el.addEventListener("input", applyFilters); el.addEventListener("change", applyFilters); }
  });

  // Timeline: sort rows by expiry across folders, or back to the folder grouping.
  var sort = $("sort-expiry");
  if (sort) {
    var container = document.querySelector("#timeline svg.timeline g.row") ? document.querySelector("#timeline svg.timeline") : document.querySelector("#timeline table.expiry-list tbody");
    var items = Array.prototype.slice.call(container.querySelectorAll(".row"));
    var original = items.map(function (r) { return r.getAttribute("transform"); });
    var groups = Array.prototype.slice.call(container.querySelectorAll("text.group"));
    sort.addEventListener("click", function () {
      var on = sort.getAttribute("aria-pressed") !== "true";
      sort.setAttribute("aria-pressed", on ? "true" : "false");
      sort.textContent = on ? "Group by folder" : "Sort by expiry";
      var order = items.slice();
      if (on) order.sort(function (a, b) { return Number(a.dataset.notAfter) - Number(b.dataset.notAfter); });
      if (container.tagName.toLowerCase() === "tbody") { order.forEach(function (r) { container.appendChild(r); }); return; }
      groups.forEach(function (g) { g.style.display = on ? "none" : ""; });
      order.forEach(function (r, i) {
        r.setAttribute("transform", on ? "translate(0," + (24 + i * 18) + ")" : original[items.indexOf(r)]);
      });
    });
  }

  // A tooltip for keyboard focus too (SVG titles only show on hover).
  var tip = $("tip");
  document.addEventListener("focusin", function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains("cert-bar")) return;
    var r = t.getBoundingClientRect();
    var title = t.querySelector("title");
    tip.textContent = title ? title.textContent : "";
    tip.style.left = (window.scrollX + r.left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 4) + "px";
    tip.hidden = false;
  });
  document.addEventListener("focusout", function () { tip.hidden = true; });
})();
