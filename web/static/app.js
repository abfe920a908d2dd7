// koto serve: progressive enhancement only (the pages work without it). No inline script, no eval.
// Long code lists (countries, languages, municipalities): a search box above the list that hides
// the options that do not match (accents and case ignored); the chosen options always stay.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function enhance(select) {
    if (select.dataset.enhanced) { return; }
    select.dataset.enhanced = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "filter";
    box.id = select.id + "-filter";
    box.setAttribute("aria-controls", select.id);
    box.setAttribute("autocomplete", "off");
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.className = "filter-label";
    label.textContent = select.dataset.filterLabel || "Search";
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var q = fold(box.value.trim());
      Array.prototype.forEach.call(select.options, function (opt) {
        opt.hidden = q !== "" && !opt.selected && fold(opt.textContent + " " + opt.value).indexOf(q) < 0;
      });
    });
  }
  function scan(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[data-filter]"), enhance);
  }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (e) { scan(e.target); });
})();
