// What the reader's pages do in the browser, on top of Material. Everything
// here is an improvement: each page works without it (the search box label,
// the radio-button feedback, the 404 page's own links).
(function () {
  // The big search box on the home and 404 pages is a label for the theme's
  // search toggle; Tab reaches it (tabindex), and Enter or Space opens search.
  document.querySelectorAll("[data-hc-open-search]").forEach(function (box) {
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault()
        box.click()
        var input = document.querySelector(".md-search__input")
        if (input) setTimeout(function () { input.focus() }, 50)
      }
    })
  })

  // A search that finds nothing is not a dead end: show the top questions,
  // the topics, the contact path and "tell us what you were looking for"
  // (the feedback form, with the words typed) under the empty result list.
  var help = document.querySelector(".md-search [data-hc-search-help], [data-hc-search-help][hidden]")
  var output = document.querySelector(".md-search-result")
  var meta = document.querySelector(".md-search-result__meta")
  var list = document.querySelector(".md-search-result__list")
  var input = document.querySelector(".md-search__input")
  if (help && output && meta && list && input) {
    output.appendChild(help)
    var tell = help.querySelector("[data-hc-tell-us]")
    var update = function () {
      var query = input.value.trim()
      var empty = query.length > 0 && list.children.length === 0 &&
        meta.textContent.trim() === help.getAttribute("data-none")
      help.hidden = !empty
      if (tell) {
        tell.hidden = !empty
        tell.href = tell.getAttribute("data-template").replace("{query}", encodeURIComponent(query))
      }
    }
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true })
    new MutationObserver(update).observe(list, { childList: true })
    input.addEventListener("input", function () { setTimeout(update, 400) })
  }

  // Words of the query no article holds ("No article uses: halving"), under
  // the result count, with "tell us what you were looking for": the reader
  // can put it another way, and the writers learn the words readers use. The
  // search worker sends them on this page's channel (hc-search-config.js);
  // they are shown once typing pauses, so a word half typed does not flash.
  var words = document.querySelector("script[data-channel][data-missing]")
  if (words && output && meta && input && typeof BroadcastChannel === "function") {
    var line = document.createElement("p")
    line.className = "hc-search-missing"
    line.setAttribute("role", "status")  // read out when it changes, as the address answer is
    line.hidden = true
    meta.parentNode.insertBefore(line, meta.nextSibling)
    // The "tell us" link's address (also on the 404 page, whose help is not in the search panel).
    var template = document.querySelector("[data-hc-tell-us][data-template]")
    var latest = null
    var timer = null
    var show = function () {
      var query = input.value.trim()
      line.textContent = ""
      if (!latest || latest.query.trim() !== query || !latest.found || !latest.missing.length) {
        line.hidden = true
        return
      }
      var text = words.getAttribute("data-missing")
      var at = text.indexOf("{words}")
      var said = latest.missing.join(words.getAttribute("data-separator") || ", ")
      line.appendChild(document.createTextNode(at < 0 ? text : text.slice(0, at)))
      if (at >= 0) {
        var strong = document.createElement("strong")
        strong.textContent = said
        line.appendChild(strong)
        line.appendChild(document.createTextNode(text.slice(at + "{words}".length)))
      }
      if (template) {
        var link = document.createElement("a")
        link.textContent = template.textContent
        link.href = template.getAttribute("data-template").replace("{query}", encodeURIComponent(query))
        link.rel = "noopener"
        line.appendChild(document.createTextNode(" "))
        line.appendChild(link)
      }
      line.hidden = false
    }
    new BroadcastChannel(words.getAttribute("data-channel")).onmessage = function (event) {
      var data = event.data
      if (!data || typeof data.query !== "string" || !Array.isArray(data.missing)) return
      latest = { query: data.query, found: data.found, missing: data.missing.map(String) }
      clearTimeout(timer)
      timer = setTimeout(show, 300)
    }
    input.addEventListener("input", function () {
      if (!input.value.trim()) { latest = null; clearTimeout(timer); show() }
    })
  }

  // The site-wide 404 page answers for every missing address; under a
  // language's folder (/zh/...), that language's own 404 page says it better.
  var notfound = document.querySelector("[data-hc-notfound][data-languages]")
  if (notfound) {
    var root = notfound.getAttribute("data-root") || "/"
    var path = location.pathname
    var first = path.indexOf(root) === 0 ? path.slice(root.length).split("/")[0] : ""
    var codes = notfound.getAttribute("data-languages").split(" ")
    if (first && codes.indexOf(first) !== -1 && document.documentElement.lang !== first) {
      location.replace(root + first + "/404.html")
    }
  }

  // The language switcher is an icon in the theme: say which language is on.
  var current = document.documentElement.lang
  var button = document.querySelector(".md-header__option .md-select > .md-header__button")
  if (button && !button.querySelector(".hc-lang-name")) {
    var link = document.querySelector('.md-select__link[hreflang="' + current + '"]')
    if (link) {
      var name = document.createElement("span")
      name.className = "hc-lang-name"
      name.textContent = link.textContent.trim()
      button.appendChild(name)
      // The accessible name must contain the visible text (WCAG 2.5.3).
      var label = button.getAttribute("aria-label")
      if (label) button.setAttribute("aria-label", name.textContent + " – " + label)
    }
  }
})()
