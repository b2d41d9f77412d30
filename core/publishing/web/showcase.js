// Search and filters for the web showcase's home page. The page works without this script: every
// list is also a plain page. With it, the form appears and narrows the exhibits as people type,
// from window.SHOWCASE_INDEX (search-index.js, a script rather than JSON so that it loads from
// file:// too). Words match the start of words, ignoring case and accents; a title match counts
// for most, then the summary, then authorities, categories and tags, then the description.
(function () {
  "use strict";

  var index = window.SHOWCASE_INDEX;
  var form = document.getElementById("search");
  if (!index || !form) {
    return;
  }
  var input = document.getElementById("search-words");
  var filters = {
    a: document.getElementById("filter-authority"),
    c: document.getElementById("filter-category"),
    g: document.getElementById("filter-tag"),
    l: document.getElementById("filter-level")
  };
  var count = document.getElementById("result-count");
  var results = document.getElementById("results");
  var shownAtMost = 100;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 0; });
  }

  // Each exhibit's words by field, worked out once, on first use.
  var fields = null;
  function fieldsOf() {
    if (fields) {
      return fields;
    }
    fields = index.exhibits.map(function (exhibit) {
      var named = [];
      exhibit.a.forEach(function (i) { named.push(index.authorities[i]); });
      exhibit.c.forEach(function (i) { named.push(index.categories[i]); });
      exhibit.g.forEach(function (i) { named.push(index.tags[i]); });
      return [
        { weight: 8, words: words(exhibit.t) },
        { weight: 4, words: words(exhibit.s) },
        { weight: 2, words: words(named.join(" ")) },
        { weight: 1, words: words(exhibit.d) }
      ];
    });
    return fields;
  }

  function score(exhibitFields, queryWords) {
    var total = 0;
    for (var q = 0; q < queryWords.length; q++) {
      var best = 0;
      for (var f = 0; f < exhibitFields.length && best === 0; f++) {
        var list = exhibitFields[f].words;
        for (var w = 0; w < list.length; w++) {
          if (list[w].lastIndexOf(queryWords[q], 0) === 0) {
            best = exhibitFields[f].weight * (list[w].length === queryWords[q].length ? 2 : 1);
            break;
          }
        }
      }
      if (best === 0) {
        return 0; // every word must be found
      }
      total += best;
    }
    return total;
  }

  function passesFilters(exhibit) {
    var ok = true;
    ["a", "c", "g"].forEach(function (key) {
      var chosen = filters[key].value;
      if (chosen !== "" && exhibit[key].indexOf(Number(chosen)) < 0) {
        ok = false;
      }
    });
    if (filters.l.value !== "" && exhibit.l !== Number(filters.l.value)) {
      ok = false;
    }
    return ok;
  }

  function element(name, text, attributes) {
    var node = document.createElement(name);
    if (text) {
      node.textContent = text;
    }
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  // The live region is told only what changed, so a screen reader is not read the same count twice.
  function say(text) {
    if (count.textContent !== text) {
      count.textContent = text;
    }
  }

  function show(matches, anything) {
    results.textContent = "";
    if (!anything) {
      say(count.textContent ? "Search cleared." : "");
      return;
    }
    var n = matches.length;
    say(n === 0 ? "No exhibits match."
      : (n === 1 ? "1 exhibit matches." : n + " exhibits match.") +
        (n > shownAtMost ? " Showing the first " + shownAtMost + "; add words or filters to narrow them." : ""));
    matches.slice(0, shownAtMost).forEach(function (match) {
      var exhibit = match.exhibit;
      var item = element("li");
      var heading = element("h3", null, { dir: "auto" });
      heading.appendChild(element("a", exhibit.t, { href: exhibit.u }));
      item.appendChild(heading);
      var authorities = exhibit.a.map(function (i) { return index.authorities[i]; }).join(", ");
      item.appendChild(element("p", authorities, { "class": "meta" }));
      if (exhibit.s) {
        item.appendChild(element("p", exhibit.s, { dir: "auto" }));
      }
      results.appendChild(item);
    });
  }

  function update() {
    var queryWords = words(input.value);
    var filtered = Object.keys(filters).some(function (key) { return filters[key].value !== ""; });
    var all = fieldsOf();
    var matches = [];
    index.exhibits.forEach(function (exhibit, i) {
      if (!passesFilters(exhibit)) {
        return;
      }
      var points = queryWords.length === 0 ? 1 : score(all[i], queryWords);
      if (points > 0) {
        matches.push({ exhibit: exhibit, points: points, order: i });
      }
    });
    matches.sort(function (x, y) { return y.points - x.points || x.order - y.order; });
    show(matches, queryWords.length > 0 || filtered);
  }

  var pending = null;
  function soon() {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 150);
  }

  form.hidden = false;
  input.addEventListener("input", soon);
  Object.keys(filters).forEach(function (key) { filters[key].addEventListener("change", update); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  if (input.value || Object.keys(filters).some(function (key) { return filters[key].value !== ""; })) {
    update();
  }
})();
