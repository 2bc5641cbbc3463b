// The desk's one script: filters that apply on change, choosing a claim
// without reloading, and the review form's keys (as in `isnad review`).
// Every page works without it; it only saves clicks.
"use strict";
(function () {
  // The queue: a changed filter applies at once.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });

  // The reviewer's name, remembered in this browser.
  var KEY = "isnad-reviewer";
  document.querySelectorAll("form.review").forEach(function (f) {
    var who = f.elements.namedItem("reviewer");
    if (who && !who.value) { try { who.value = localStorage.getItem(KEY) || ""; } catch (e) { /* storage off */ } }
    f.addEventListener("submit", function () {
      try { if (who && who.value) { localStorage.setItem(KEY, who.value); } } catch (e) { /* storage off */ }
    });
  });

  var panels = Array.prototype.slice.call(document.querySelectorAll("section.panel"));
  if (!panels.length) { return; }

  function current() {
    for (var i = 0; i < panels.length; i++) { if (!panels[i].hidden) { return i; } }
    return -1;
  }

  function select(id, scroll) {
    var found = false;
    panels.forEach(function (p) {
      var on = p.getAttribute("data-c") === id;
      p.hidden = !on;
      found = found || on;
    });
    if (!found) { return; }
    document.querySelectorAll("a.seg").forEach(function (a) {
      a.classList.toggle("sel", a.getAttribute("data-c") === id);
    });
    var url = new URL(window.location.href);
    url.searchParams.set("claim", id);
    url.searchParams.delete("saved");
    url.hash = "p-" + id;
    history.replaceState(null, "", url.toString());
    if (scroll) {
      var seg = document.querySelector('a.seg[data-c="' + CSS.escape(id) + '"]');
      if (seg) { seg.scrollIntoView({ block: "center" }); }
    }
  }

  document.querySelectorAll("a.seg[data-c]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      select(a.getAttribute("data-c"), false);
      // On a phone the panel is under the text: bring it into view.
      if (window.matchMedia("(max-width: 800px)").matches) {
        var p = document.getElementById("p-" + a.getAttribute("data-c"));
        if (p) { p.scrollIntoView({ block: "start" }); }
      }
    });
  });

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type === "text") || t.tagName === "SELECT");
    if (ev.key === "Escape" && typing) { t.blur(); return; }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var i = current();
    if (i < 0) { return; }
    var form = panels[i].querySelector("form.review");
    var k = ev.key.toLowerCase();
    if (k === "j" || k === "s") {
      ev.preventDefault();
      select(panels[(i + 1) % panels.length].getAttribute("data-c"), true);
      return;
    }
    if (k === "k") {
      ev.preventDefault();
      select(panels[(i + panels.length - 1) % panels.length].getAttribute("data-c"), true);
      return;
    }
    if (!form) { return; }
    if (ev.key === "Enter") { ev.preventDefault(); form.requestSubmit(); return; }
    var radio = form.querySelector('input[type=radio][data-key="' + CSS.escape(k) + '"]');
    if (radio) { ev.preventDefault(); radio.checked = true; radio.focus(); }
  });

  var sel = current();
  if (sel >= 0 && window.location.hash) {
    var seg = document.querySelector('a.seg.sel');
    if (seg) { seg.scrollIntoView({ block: "center" }); }
  }
})();
