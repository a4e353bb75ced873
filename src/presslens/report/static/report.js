/* presslens report: technique toggles, score threshold, tooltips and quote opening.
   Data comes from the JSON block; text is only ever set with textContent. */
(function () {
  "use strict";
  var node = document.getElementById("presslens-data");
  if (!node) { return; }
  var data = JSON.parse(node.textContent);
  var techs = data.techniques || [];
  var styles = data.styles || {};
  var order = Object.keys(styles);
  var enabled = Object.create(null);
  order.forEach(function (name) { enabled[name] = true; });
  var threshold = 0;
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var tip = document.getElementById("tip");
  document.documentElement.classList.add("js");

  function ints(text) {
    return (text || "").split(" ").filter(function (s) { return s !== ""; }).map(Number);
  }
  function isOn(i) {
    var t = techs[i];
    return !!t && enabled[t.n] && t.s >= threshold - 1e-9;
  }
  function activeOf(el) { return ints(el.getAttribute("data-t")).filter(isOn); }
  function stripe(style) {
    return style.d
      ? "repeating-linear-gradient(90deg, " + style.c + " 0 6px, transparent 6px 9px)"
      : "linear-gradient(" + style.c + ", " + style.c + ")";
  }
  function human(name) { return (styles[name] && styles[name].h) || name; }
  function label(i) {
    var t = techs[i];
    return human(t.n) + " " + t.s.toFixed(2) + ", " + t.v;
  }
  function tint(style) {
    return /^#[0-9a-fA-F]{6}$/.test(style.c || "") ? style.c + "40" : "";
  }

  function paint(el) {
    var active = activeOf(el);
    if (!active.length) {
      el.classList.remove("on");
      el.removeAttribute("tabindex");
      el.removeAttribute("aria-label");
      el.style.backgroundImage = "";
      el.style.backgroundColor = "";
      el.style.paddingBottom = "";
      return;
    }
    var names = order.filter(function (n) {
      return active.some(function (i) { return techs[i].n === n; });
    });
    el.classList.add("on");
    el.setAttribute("tabindex", "0");
    el.setAttribute("aria-label", active.map(label).join("; "));
    el.style.backgroundColor = tint(styles[names[0]]);
    el.setAttribute("data-first", styles[names[0]].code || "");
    el.style.backgroundImage = names.map(function (n) { return stripe(styles[n]); }).join(", ");
    el.style.backgroundSize = names.map(function () { return "100% 3px"; }).join(", ");
    el.style.backgroundPosition = names.map(function (_, k) {
      return "0 calc(100% - " + (k * 4) + "px)";
    }).join(", ");
    el.style.paddingBottom = (names.length * 4 - 2) + "px";
  }

  function update() {
    marks.forEach(paint);
    document.querySelectorAll("tr[data-tech]").forEach(function (row) {
      var score = parseFloat(row.getAttribute("data-score"));
      row.hidden = !(enabled[row.getAttribute("data-tech")] && score >= threshold - 1e-9);
    });
  }

  function hideTip() { if (tip) { tip.hidden = true; } }
  function showTip(el) {
    var active = activeOf(el);
    if (!tip || !active.length) { return; }
    tip.textContent = "";
    active.forEach(function (i) {
      var t = techs[i], style = styles[t.n] || {};
      var row = document.createElement("div");
      row.className = "tip-row";
      var sw = document.createElement("span");
      sw.className = "tip-sw";
      sw.style.background = style.c || "#777";
      var name = document.createElement("span");
      name.className = "tip-name";
      name.textContent = human(t.n);
      var meta = document.createElement("span");
      meta.textContent = " (" + (style.code || "") + ") · score " + t.s.toFixed(2) + " · " + t.v;
      row.appendChild(sw); row.appendChild(name); row.appendChild(meta);
      if (style.def) {
        var def = document.createElement("span");
        def.className = "tip-def";
        def.textContent = style.def;
        row.appendChild(def);
      }
      tip.appendChild(row);
    });
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function openQuote(qi, button) {
    var details = document.getElementById("quote-" + qi);
    if (!details) { return; }
    details.open = true;
    document.querySelectorAll(".qmark").forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
    if (button) { button.setAttribute("aria-expanded", "true"); }
    details.scrollIntoView({ block: "center" });
    var summary = details.querySelector("summary");
    if (summary) { summary.focus({ preventScroll: true }); }
  }

  document.querySelectorAll("input[data-tech]").forEach(function (box) {
    box.addEventListener("change", function () {
      enabled[box.getAttribute("data-tech")] = box.checked;
      update();
    });
  });
  var slider = document.getElementById("threshold");
  var shown = document.getElementById("threshold-value");
  if (slider) {
    slider.addEventListener("input", function () {
      threshold = parseFloat(slider.value) || 0;
      if (shown) { shown.textContent = threshold.toFixed(2); }
      update();
    });
  }
  marks.forEach(function (el) {
    el.addEventListener("mouseenter", function () { showTip(el); });
    el.addEventListener("mouseleave", hideTip);
    el.addEventListener("focus", function () { showTip(el); });
    el.addEventListener("blur", hideTip);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hideTip(); } });
  document.querySelectorAll(".qmark").forEach(function (b) {
    b.setAttribute("aria-expanded", "false");
    b.addEventListener("click", function () { openQuote(b.getAttribute("data-q"), b); });
  });
  var article = document.getElementById("article");
  if (article) {
    article.addEventListener("click", function (ev) {
      var seg = ev.target.closest ? ev.target.closest(".seg.q") : null;
      var qs = seg ? ints(seg.getAttribute("data-q")) : [];
      if (qs.length) { openQuote(String(qs[qs.length - 1]), null); }
    });
    article.addEventListener("keydown", function (ev) {
      var seg = ev.target.closest ? ev.target.closest("mark.q") : null;
      var qs = seg ? ints(seg.getAttribute("data-q")) : [];
      if (ev.key === "Enter" && qs.length) { openQuote(String(qs[qs.length - 1]), null); }
    });
  }
  function flash(el) {
    el.classList.add("flash");
    window.setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }
  function goTo(el) {
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    flash(el);
  }
  function step(by) {
    var on = marks.filter(function (m) { return m.classList.contains("on"); });
    if (!on.length) { return; }
    var at = on.indexOf(document.activeElement);
    if (at < 0) { at = by > 0 ? -1 : 0; }
    goTo(on[(at + by + on.length) % on.length]);
  }
  var next = document.getElementById("next-hl");
  var prev = document.getElementById("prev-hl");
  if (next) { next.addEventListener("click", function () { step(1); }); }
  if (prev) { prev.addEventListener("click", function () { step(-1); }); }
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target && ev.target.tagName) || "";
    if (ev.ctrlKey || ev.metaKey || ev.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(tag)) { return; }
    if (ev.key === "n") { step(1); } else if (ev.key === "p") { step(-1); }
  });
  document.querySelectorAll("button.jump[data-jt]").forEach(function (b) {
    b.addEventListener("click", function () {
      var i = Number(b.getAttribute("data-jt"));
      var hit = marks.filter(function (m) { return ints(m.getAttribute("data-t")).indexOf(i) >= 0; });
      if (hit.length) { goTo(hit[0]); }
    });
  });
  document.querySelectorAll("button.jump[data-jq]").forEach(function (b) {
    b.addEventListener("click", function () {
      var q = document.querySelector(".qmark[data-q='" + b.getAttribute("data-jq") + "']");
      if (q) { goTo(q); }
    });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  update();
})();
