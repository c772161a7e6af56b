/* Client-side search over the index that search-index.js assigns to window.BRIEFING_SEARCH_INDEX.
   A script, not fetch(): it works opened from disk (file://) as well as served. Results are built
   with textContent only, so nothing from the index can become markup. */
(function () {
  "use strict";
  var index = window.BRIEFING_SEARCH_INDEX || [];
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var KINDS = { briefing: "Briefing", actor: "Actor", incident: "Incident" };
  var MAX = 50;

  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var prepared = index.map(function (e) {
    return { e: e, t: fold(e.t), a: fold((e.a || []).join(" | ")), x: fold(e.x), m: fold(e.m) };
  });

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], s = 0;
      if (item.t.indexOf(term) >= 0) s += 10;
      if (item.a.indexOf(term) >= 0) s += 6;
      if (item.x.indexOf(term) >= 0) s += 2;
      if (item.m.indexOf(term) >= 0) s += 1;
      if (!s) return 0;
      total += s;
    }
    if (item.e.k === "actor") total += 1;
    return total;
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    return prepared
      .map(function (item) { return { item: item, s: score(item, terms) }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || (a.item.t < b.item.t ? -1 : a.item.t > b.item.t ? 1 : 0); });
  }

  function show(query) {
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "Type a word or a name, e.g. an actor.";
      return;
    }
    var results = search(query);
    status.textContent = results.length === 0 ? "No results for \u201c" + query + "\u201d."
      : results.length + " result" + (results.length === 1 ? "" : "s") + " for \u201c" + query + "\u201d" +
        (results.length > MAX ? ", showing the first " + MAX : "") + ".";
    results.slice(0, MAX).forEach(function (r) {
      var e = r.item.e;
      var li = document.createElement("li");
      li.className = "search-result kind-" + e.k;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = KINDS[e.k] || e.k;
      var link = document.createElement("a");
      link.href = e.u;
      link.textContent = e.t;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      if (e.m) {
        var meta = document.createElement("span");
        meta.className = "muted result-meta";
        meta.textContent = " \u00b7 " + e.m;
        li.appendChild(meta);
      }
      if (e.x) {
        var p = document.createElement("p");
        p.className = "result-text";
        p.textContent = e.x.length > 240 ? e.x.slice(0, 240) + "\u2026" : e.x;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  if (!form || !input) return;
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  show(initial);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    if (window.history && window.location.protocol !== "file:") {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    }
  });
})();
