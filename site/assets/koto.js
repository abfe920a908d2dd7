/* kototieto catalogue site: small progressive enhancements (the site works without them).
   1. The language links keep the field the reader is looking at (the anchors are the same in
      every language), so switching from a field's deep link lands on the same field.
   2. Tables that scroll sideways can be reached and scrolled with the keyboard
      (axe: scrollable-region-focusable): the scroll box gets tabindex, a role and a name. */
(function () {
  "use strict";
  function keepAnchor() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var base = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", base + window.location.hash);
    });
  }
  function headingBefore(el) {
    for (var node = el.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node.textContent.replace(/¶/g, "").trim();
    }
    return "";
  }
  function focusableTables() {
    var meta = document.querySelector('meta[name="koto-table-label"]');
    var word = meta ? meta.getAttribute("content") : "Table";
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.closest(".koto-scroll") || box.hasAttribute("tabindex")) return;
      var heading = headingBefore(box);
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", heading ? word + ": " + heading : word);
    });
  }
  function focusableCharts() {
    /* a chart keeps its size on a phone and scrolls sideways in its figure (named by its caption) */
    document.querySelectorAll("figure.koto-chart").forEach(function (figure) {
      figure.setAttribute("tabindex", "0");
    });
  }
  function init() {
    focusableCharts();
    keepAnchor();
    focusableTables();
  }
  window.addEventListener("hashchange", keepAnchor);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
