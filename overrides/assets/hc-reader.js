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
