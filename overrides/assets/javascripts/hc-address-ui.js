// What the pages do with addresses (hc-address.js decides what fits):
// - a coin page's address checker: which of this coin's networks a pasted
//   receiving address fits, and whether that network needs a memo;
// - the Copy buttons beside a coin page's token contracts;
// - the search box: a pasted address is looked up among the token contracts
//   we list, with a plain answer at the top of the results.
// A module loaded from our own origin (the page's policy allows it; no inline
// script, no eval). Included by more than one partial, it still runs once:
// a module is evaluated once per page. Every word shown comes from the page
// (data-* attributes written from translations/<lang>.yml).
//
// The check and its libraries (about 120 KB) are imported only when needed:
// at once on a coin page, and on other pages when the search box holds
// something address-shaped. Searching words never loads them.

var library = null
function addressLibrary() {
  if (!library) library = import("./hc-address.js")
  return library
}

// Could this be an address of any format? Printable ASCII without spaces,
// between the shortest bc1 address (14 characters) and the longest (90).
// Anything else fits no format (hc-address.js refuses it too), so a query
// like that needs no library.
function addressShaped(text) {
  var trimmed = text.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, "")
  return trimmed.length >= 14 && trimmed.length <= 90 && /^[\x21-\x7e]+$/.test(trimmed)
}

// "{networks}" in a translated sentence, filled with text or with an element.
function fill(template, values) {
  var parts = []
  var rest = template || ""
  var pattern = /\{([a-z_]+)\}/
  var match
  while ((match = pattern.exec(rest)) !== null) {
    if (match.index > 0) parts.push(document.createTextNode(rest.slice(0, match.index)))
    var value = Object.prototype.hasOwnProperty.call(values, match[1]) ? values[match[1]] : match[0]
    parts.push(typeof value === "string" ? document.createTextNode(value) : value)
    rest = rest.slice(match.index + match[0].length)
  }
  if (rest) parts.push(document.createTextNode(rest))
  return parts
}

function paragraph(className, nodes) {
  var p = document.createElement("p")
  p.className = className
  nodes.forEach(function (node) { p.appendChild(node) })
  return p
}

// One line of the checker's answer: a block <span>, since <output> holds phrasing content only.
function line(className, nodes) {
  var span = document.createElement("span")
  span.className = ("hc-address__line " + className).trim()
  nodes.forEach(function (node) { span.appendChild(node) })
  return span
}

// ---- The coin page's address checker -----------------------------------------

function checker(section, lib) {
  var fitting = lib.fitting
  var hasInvisible = lib.hasInvisible
  var trim = lib.trim
  var input = section.querySelector("input")
  var button = section.querySelector("[data-hc-address-check]")
  var output = section.querySelector("[data-hc-address-result]")
  if (!input || !button || !output) return
  var words = section.dataset
  var networks = Array.prototype.map.call(section.querySelectorAll("[data-hc-address-networks] > li"),
    function (li) {
      return { id: li.getAttribute("data-network") || "", format: li.getAttribute("data-format") || "",
               memo: li.hasAttribute("data-memo"), name: li.textContent.trim() }
    }).filter(function (n) { return n.id && n.format })

  function answer() {
    var text = input.value
    output.textContent = ""
    output.className = "hc-address__result"
    if (trim(text) === "") {
      output.setAttribute("data-networks", "")
      output.appendChild(line("", fill(words.empty, {})))
      return
    }
    var formats = fitting(text)
    var fit = networks.filter(function (n) { return formats.indexOf(n.format) !== -1 })
    output.setAttribute("data-networks", fit.map(function (n) { return n.id }).join(" "))
    if (fit.length === 0) {
      output.classList.add("hc-address__result--none")
      output.appendChild(line("", fill(words.none, {})))
      if (hasInvisible(text)) output.appendChild(line("", fill(words.invisible, {})))
      return
    }
    output.classList.add("hc-address__result--fits")
    var names = fit.map(function (n) { return n.name }).join(words.separator || ", ")
    output.appendChild(line("", fill(words.fits, { networks: names })))
    fit.filter(function (n) { return n.memo }).forEach(function (n) {
      output.appendChild(line("hc-address__memo", fill(words.memo, { network: n.name })))
    })
    if (fit.length > 1) output.appendChild(line("", fill(words.choose, {})))
    output.appendChild(line("hc-note", fill(words.caution, {})))
  }

  button.addEventListener("click", answer)
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); answer() }
  })
  // A paste answers at once; typing answers when the reader asks (or presses Enter).
  input.addEventListener("paste", function () { setTimeout(answer, 0) })
  section.hidden = false
}

// ---- Copy buttons ---------------------------------------------------------------

function copyButton(button) {
  var status = button.parentNode.querySelector(".hc-copy__status")
  var code = button.closest("dd") && button.closest("dd").querySelector("code")
  var timer = null
  function say(text) {
    if (!status) return
    status.textContent = text
    clearTimeout(timer)
    timer = setTimeout(function () { status.textContent = "" }, 4000)
  }
  function selectIt() {
    if (!code) return
    var range = document.createRange()
    range.selectNodeContents(code)
    var selection = window.getSelection()
    selection.removeAllRanges()
    selection.addRange(range)
  }
  button.addEventListener("click", function () {
    var text = button.getAttribute("data-hc-copy") || ""
    var failed = function () { selectIt(); say(status ? status.getAttribute("data-failed") || "" : "") }
    if (!navigator.clipboard || !navigator.clipboard.writeText) { failed(); return }
    navigator.clipboard.writeText(text).then(function () {
      say(status ? status.getAttribute("data-copied") || "" : "")
    }, failed)
  })
  button.hidden = false
}

// ---- A pasted address in the search box ------------------------------------------

function contractSearch(config) {
  var input = document.querySelector(".md-search__input")
  var results = document.querySelector(".md-search-result")
  if (!input || !results) return
  var listed = []
  try {
    listed = JSON.parse(config.getAttribute("data-contracts") || "[]")
  } catch (error) {
    return
  }
  var root = new URL((config.getAttribute("data-root") || ".").replace(/\/?$/, "/"), location.href)
  var box = document.createElement("div")
  box.className = "hc-search-address md-typeset"
  box.setAttribute("data-hc-search-address", "")
  box.setAttribute("role", "status")
  box.hidden = true
  results.insertBefore(box, results.firstChild)

  function hide() {
    box.textContent = ""
    box.removeAttribute("data-coins")
    box.hidden = true
  }
  function update() {
    var query = input.value
    if (!addressShaped(query)) { hide(); return }
    addressLibrary().then(function (lib) {
      if (input.value === query) answer(query, lib)
    })
  }
  function answer(query, lib) {
    var formats = lib.fitting(query)
    if (formats.length === 0) { hide(); return }
    box.textContent = ""
    var found = listed.filter(function (entry) {
      return formats.indexOf(entry.format) !== -1 && lib.sameAddress(entry.format, query, entry.contract)
    })
    box.setAttribute("data-coins", found.map(function (entry) { return entry.coin }).join(" "))
    if (found.length === 0) {
      box.className = "hc-search-address hc-search-address--unknown md-typeset"
      box.appendChild(paragraph("", fill(config.getAttribute("data-contract-unknown"), {})))
    } else {
      box.className = "hc-search-address hc-search-address--known md-typeset"
      found.forEach(function (entry) {
        var link = document.createElement("a")
        link.href = new URL(entry.url, root).href
        link.textContent = entry.name
        box.appendChild(paragraph("", fill(config.getAttribute("data-contract-known"),
          { coin: link, network: entry.network })))
      })
    }
    box.hidden = false
  }
  input.addEventListener("input", update)
  // Material fills the box from the address (?q=) and on its own events: catch up.
  input.addEventListener("focus", update)
  update()
}

var checkers = document.querySelectorAll("[data-hc-address-checker]")
if (checkers.length) {
  addressLibrary().then(function (lib) {
    checkers.forEach(function (section) { checker(section, lib) })
  })
}
document.querySelectorAll("button[data-hc-copy]").forEach(copyButton)
var searchConfig = document.querySelector("script[data-contracts]")
if (searchConfig) contractSearch(searchConfig)
