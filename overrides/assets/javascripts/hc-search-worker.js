/*
 * The search worker Material's search box talks to, in place of its own.
 *
 * Material's bundle starts the worker named by `search` in #__config
 * (partials/hc-search.html points it here) and speaks a small protocol:
 * SETUP (0) -> READY (1), QUERY (2) -> RESULT (3) with
 * { items: [[{ location, title, text, score, terms, tags? }]] }. Material's
 * SETUP carries its own search_index.json, which we leave empty and ignore:
 * this worker loads the prebuilt index of the reader's language, named in its
 * own URL (?index=...), as soon as it starts, so nothing is built in the
 * browser and no other language is downloaded.
 *
 * Material renders `title`, `text` and `tags` as HTML, so everything from
 * the index is escaped here.
 *
 * After each result, the words of the query no article holds (SearchIndex's
 * `missing`) go to the page on the BroadcastChannel named in this worker's
 * #fragment (hc-search-config.js), for assets/hc-reader.js to show: Material's
 * protocol has no place for them.
 */
"use strict"

importScripts("hc-snowball.js", "hc-search.js")

var SETUP = 0
var READY = 1
var QUERY = 2
var RESULT = 3
var LIMIT = 20

var indexUrl = new URL(self.location.href).searchParams.get("index")
var channel = self.location.hash.length > 1 && typeof BroadcastChannel === "function"
  ? new BroadcastChannel(decodeURIComponent(self.location.hash.slice(1))) : null
var loaded = fetch(indexUrl)
  .then(function (response) {
    if (!response.ok)
      throw new Error("search index " + indexUrl + ": HTTP " + response.status)
    return response.json()
  })
  .then(function (data) { return new self.hcSearch.SearchIndex(data) })

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

function toResult(index, hits) {
  return {
    items: hits.map(function (hit) {
      var terms = {}
      hit.matched.forEach(function (term) { terms[term] = true })
      var item = {
        location: hit.url,
        title: escapeHtml(hit.title),
        text: escapeHtml(hit.summary),
        score: hit.score,
        terms: terms
      }
      if (hit.fallback)
        item.tags = [escapeHtml(index.fallbackLabel)]
      return [item]
    })
  }
}

addEventListener("message", function (event) {
  var message = event.data
  if (message.type === SETUP) {
    loaded.then(
      function () { postMessage({ type: READY }) },
      function (error) {
        console.warn(error)
        postMessage({ type: READY })
      })
  } else if (message.type === QUERY) {
    loaded.then(
      function (index) {
        var hits = message.data.trim() ? index.search(message.data, LIMIT) : []
        postMessage({ type: RESULT, data: toResult(index, hits) })
        if (channel)
          channel.postMessage({ query: message.data, found: hits.length,
                                missing: hits.length ? index.missing(message.data) : [] })
      },
      function () { postMessage({ type: RESULT, data: { items: [] } }) })
  }
})
