// Point Material's search at our worker and this language's prebuilt index.
// Loaded (not inline, so a Content-Security-Policy can forbid inline scripts)
// from partials/hc-search.html, after Material writes #__config and before
// its bundle reads it. URLs are made absolute from this page's address, so
// the site works under any sub-path and from disk.
(function () {
  var script = document.currentScript
  var element = document.getElementById("__config")
  if (!script || !element) return
  var config = JSON.parse(element.textContent)
  var worker = new URL(script.dataset.worker, location.href)
  worker.searchParams.set("index", new URL(script.dataset.index, location.href).href)
  // The worker names the query's words no article holds on a channel of this
  // page's own (assets/hc-reader.js shows them): Material's messages have no
  // place for them. Its name rides in the worker's #fragment, which the HTTP
  // cache ignores; random, so another tab's searches never reach this page.
  var channel = "hc-search-" + Math.random().toString(36).slice(2)
  worker.hash = channel
  script.setAttribute("data-channel", channel)
  config.search = worker.href
  // The result count in our words ("3 articles found", not "3 matching
  // documents"), from translations/<lang>.yml via data attributes.
  var words = { none: "search.result.none", one: "search.result.one", other: "search.result.other" }
  Object.keys(words).forEach(function (key) {
    var text = script.getAttribute("data-result-" + key)
    if (text && config.translations) config.translations[words[key]] = text
  })
  element.textContent = JSON.stringify(config)
  // Start downloading the index now, in parallel with the worker's start-up;
  // the worker's own fetch then comes from the HTTP cache. Measured in
  // Chromium at 2,000 articles: first result 212 ms median instead of 370 ms
  // (benchmarks/results/search-browser-2026-11-23-4.md).
  fetch(worker.searchParams.get("index")).catch(function () {})
})()
