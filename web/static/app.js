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

// Fields that apply only under a condition on another field of the form (data-when: the trigger's
// input name and the values under which the field applies, or "present": true/false). Hidden while
// the condition does not hold and the field has no value (nothing typed is ever hidden); shown as
// soon as the trigger changes. A hidden field is display:none, so it is not focusable; it follows
// its trigger in the page, so it appears right after it. The first state is the server's verdict
// (data-applies, from model.meta.When.holds); `holds` below mirrors When.holds for changes.
(function () {
  "use strict";
  function triggerValues(form, name) {
    var out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== name || el.disabled) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { out.push(el.value); }
      } else if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.selectedOptions, function (o) {
          if (o.value.trim() !== "") { out.push(o.value); }
        });
      } else if (el.value.trim() !== "") {
        out.push(el.value);
      }
    });
    return out;
  }
  function holds(rule, values) {
    if (typeof rule.present === "boolean") { return (values.length > 0) === rule.present; }
    if (values.length === 0) { return null; }
    return values.some(function (v) { return rule.values.indexOf(v) >= 0; });
  }
  function hasValue(box) {
    return Array.prototype.some.call(box.querySelectorAll("input, select, textarea"), function (el) {
      if (el.type === "hidden" || el.type === "submit" || el.type === "button" || el.type === "search") {
        return false;
      }
      if (el.type === "checkbox" || el.type === "radio") { return el.checked; }
      if (el.tagName === "SELECT") {
        return Array.prototype.some.call(el.selectedOptions, function (o) { return o.value !== ""; });
      }
      return el.value.trim() !== "";
    });
  }
  function show(box, applies) {
    var visible = applies || hasValue(box);
    if (visible && box.tagName === "DETAILS") { box.open = true; }
    box.hidden = !visible;
  }
  function rule(box) {
    try { return JSON.parse(box.dataset.when); } catch (e) { return null; }
  }
  function refresh(form, name) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-when]"), function (box) {
      var r = rule(box);
      if (r && r.name === name) { show(box, holds(r, triggerValues(form, name)) === true); }
    });
  }
  function start(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-when]"), function (box) {
      var r = rule(box);
      var form = box.closest("form");
      var watched = r && form && Array.prototype.some.call(form.elements, function (el) {
        return el.name === r.name;
      });
      if (watched) { show(box, box.dataset.applies === "true"); }  // else: never hidden
    });
  }
  function changed(e) {
    var el = e.target;
    if (el && el.form && el.name) { refresh(el.form, el.name); }
  }
  window.kotoWhenHolds = holds;  // for the browser test that compares it with When.holds
  document.addEventListener("DOMContentLoaded", function () { start(document); });
  document.addEventListener("change", changed);
  document.addEventListener("input", changed);
})();

// A folded field (details.cond: a field under its condition words) opens when the live check puts a
// message at it, or when the official follows a link of the problem summary to it: an error is never
// hidden inside a closed fold.
(function () {
  function openFolds() {
    Array.prototype.forEach.call(document.querySelectorAll("details.cond:not([open])"), function (d) {
      var msg = d.querySelector(".msgs");
      if (msg && msg.children.length > 0) { d.open = true; }
    });
  }
  function openTarget() {
    var id = window.location.hash.slice(1);
    var el = id && document.getElementById(id);
    var fold = el && el.closest && el.closest("details");
    if (fold && !fold.open) { fold.open = true; el.scrollIntoView(); }
  }
  document.addEventListener("htmx:afterSettle", openFolds);
  document.addEventListener("DOMContentLoaded", function () { openFolds(); openTarget(); });
  window.addEventListener("hashchange", openTarget);
})();
