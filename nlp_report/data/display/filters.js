/* nlp_report: filters of the report page (by label, actor, entity, section).
   Written into the page by nlp_report.render(); it loads nothing and needs no network.
   It reads what the page already holds: every body sentence is a .nr-s element with
   data-label, data-actor and data-section, and its entities are mark.nr-e elements with
   data-label and data-kb-id. Without JavaScript the page is the same, without filters. */
(function () {
  "use strict";

  var CSS =
    ".nr-filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.75rem 0;padding:.5rem .75rem;" +
    "border:1px solid #d1d5db;border-radius:.4rem;background:#f9fafb;font-size:.9rem}" +
    ".nr-filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.5rem;align-items:center}" +
    ".nr-filters legend{float:left;margin-right:.4rem;font-weight:600}" +
    ".nr-filters label{display:inline-flex;gap:.3rem;align-items:center;white-space:nowrap}" +
    ".nr-filters select{max-width:18rem}" +
    ".nr-filters output{margin-left:auto;color:#4b5563}" +
    ".nr-out,.nr-filtering .nr-x,.nr-filtering .nr-h.nr-out{display:none}";

  function textOf(mark) {
    var parts = [];
    for (var i = 0; i < mark.childNodes.length; i++) {
      var node = mark.childNodes[i];
      if (node.nodeType === 3) parts.push(node.nodeValue);
      else if (!(node.classList && node.classList.contains("nr-e-label"))) parts.push(node.textContent);
    }
    return parts.join("").replace(/\s+/g, " ").trim();
  }

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function select(name, title, choices) {
    var label = document.createElement("label");
    label.textContent = title + " ";
    var box = document.createElement("select");
    box.name = name;
    box.setAttribute("data-filter", name);
    box.appendChild(option("", "any"));
    choices.forEach(function (c) {
      box.appendChild(option(c[0], c[1]));
    });
    label.appendChild(box);
    return [label, box];
  }

  function byCount(counts) {
    return Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
    });
  }

  function init(report) {
    var doc = report.querySelector(".nr-doc");
    if (!doc || report.querySelector(".nr-filters")) return;
    var sentences = Array.prototype.slice.call(doc.querySelectorAll(".nr-s"));
    if (!sentences.length) return;
    var labels = [], actors = {}, entities = {}, names = {}, sections = [];
    sentences.forEach(function (s) {
      var label = s.getAttribute("data-label") || "none";
      if (labels.indexOf(label) < 0) labels.push(label);
      var actor = s.getAttribute("data-actor");
      if (actor) actors[actor] = (actors[actor] || 0) + 1;
      var section = s.getAttribute("data-section");
      if (section && sections.indexOf(section) < 0) sections.push(section);
      var keys = [];
      Array.prototype.forEach.call(s.querySelectorAll("mark.nr-e"), function (m) {
        var name = textOf(m);
        var key = (m.getAttribute("data-label") || "") + ":" + (m.getAttribute("data-kb-id") || name);
        if (keys.indexOf(key) < 0) {
          keys.push(key);
          entities[key] = (entities[key] || 0) + 1;
        }
        if (!names[key]) names[key] = name;
      });
      s.nrEntities = keys;
    });
    var order = ["position", "decision", "context", "none"];
    labels.sort(function (a, b) {
      return order.indexOf(a) - order.indexOf(b);
    });

    var style = document.createElement("style");
    style.textContent = CSS;
    var form = document.createElement("form");
    form.className = "nr-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the sentences");
    var field = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Label";
    field.appendChild(legend);
    labels.forEach(function (label) {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = "label";
      box.value = label;
      box.checked = true;
      var tag = document.createElement("label");
      tag.className = "nr-tag nr-tag-" + label;
      tag.appendChild(box);
      tag.appendChild(document.createTextNode(" " + label));
      field.appendChild(tag);
    });
    form.appendChild(field);
    var actor = select("actor", "Actor", byCount(actors).map(function (a) {
      return [a, a + " (" + actors[a] + ")"];
    }));
    var entity = select("entity", "Entity", byCount(entities).map(function (k) {
      var cut = k.indexOf(":");
      var id = k.slice(cut + 1);
      var text = names[k] === id ? id : id + " · " + names[k];
      return [k, text + " (" + k.slice(0, cut) + ", " + entities[k] + ")"];
    }));
    var section = select("section", "Section", sections.map(function (s) {
      return [s, s.length > 60 ? s.slice(0, 59) + "…" : s];
    }));
    [actor, entity, section].forEach(function (pair) {
      form.appendChild(pair[0]);
    });
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.textContent = "Show all";
    form.appendChild(reset);
    var count = document.createElement("output");
    count.className = "nr-filter-count";
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);
    report.insertBefore(style, doc);
    report.insertBefore(form, doc);

    var blocks = [];
    sentences.forEach(function (s) {
      if (blocks.indexOf(s.parentElement) < 0) blocks.push(s.parentElement);
    });

    function apply() {
      var chosen = Array.prototype.filter.call(form.querySelectorAll("input[name=label]"), function (b) {
        return b.checked;
      }).map(function (b) {
        return b.value;
      });
      var wantActor = actor[1].value, wantEntity = entity[1].value, wantSection = section[1].value;
      var shown = 0;
      sentences.forEach(function (s) {
        var ok =
          chosen.indexOf(s.getAttribute("data-label") || "none") >= 0 &&
          (!wantActor || s.getAttribute("data-actor") === wantActor) &&
          (!wantEntity || s.nrEntities.indexOf(wantEntity) >= 0) &&
          (!wantSection || s.getAttribute("data-section") === wantSection);
        s.classList.toggle("nr-out", !ok);
        if (ok) shown++;
      });
      var filtering = shown !== sentences.length;
      report.classList.toggle("nr-filtering", filtering);
      blocks.forEach(function (b) {
        b.classList.toggle("nr-out", filtering && !b.querySelector(".nr-s:not(.nr-out)"));
      });
      // a heading stays when a sentence after it, before the next heading, is shown
      var marks = Array.prototype.slice.call(doc.querySelectorAll(".nr-h, .nr-s"));
      var current = null, seen = false;
      marks.forEach(function (el) {
        if (el.classList.contains("nr-h")) {
          if (current) current.classList.toggle("nr-out", filtering && !seen);
          current = el;
          seen = false;
        } else if (!el.classList.contains("nr-out")) {
          seen = true;
        }
      });
      if (current) current.classList.toggle("nr-out", filtering && !seen);
      count.value = shown + " of " + sentences.length + " sentences";
      count.textContent = count.value;
    }

    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("reset", function (e) {
      e.preventDefault(); // reset here and now, so the page is right when the click is over
      Array.prototype.forEach.call(form.querySelectorAll("input[name=label]"), function (b) {
        b.checked = true;
      });
      [actor, entity, section].forEach(function (pair) {
        pair[1].value = "";
      });
      apply();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
    });
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".nlp-report"), init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
