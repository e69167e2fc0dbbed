// The official-channel verifier on the /verify/ pages: is this web address,
// e-mail address, phone number or account ours?
//
// A line-for-line copy of helpcentre.checks.verifier (Python), which documents
// the rules; tests/vectors/verifier.json runs through both. Everything the two
// must agree on (our domains and channels, limits, the phone spellings) comes
// from the page's data (views.verify_view), and the look-alike table from
// assets/data/confusables.json (scripts/build_confusables.py), fetched from
// our own origin. Web addresses are read by the browser's own WHATWG URL
// parser, the standard ada-url implements on the Python side.
//
// A classic script, no eval, no inline code (the page's CSP is script-src
// 'self'). Any text gets an answer; nothing here throws on what is pasted.
(function () {
  "use strict"

  // Python's whitespace (str.isspace): see SPACE in verifier.py.
  var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
  var HIDDEN_EXTRA = "\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u3164\\ufe00-\\ufe0f\\uffa0\\u{e0100}-\\u{e01ef}"
  var SPACE_RE = new RegExp("[" + SPACE + "]", "u")
  var STRIP_RE = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "gu")
  var HIDDEN_RE = new RegExp("^[\\p{Cf}" + HIDDEN_EXTRA + "]$", "u")
  // helpcentre.checks.contacts: "[at]", "(at)", "{at}"; "[dot]" ...
  var AT_RE = new RegExp("[" + SPACE + "]*[\\[({][" + SPACE + "]*at[" + SPACE + "]*[\\])}][" + SPACE + "]*", "giu")
  var DOT_RE = new RegExp("[" + SPACE + "]*[\\[({][" + SPACE + "]*dot[" + SPACE + "]*[\\])}][" + SPACE + "]*", "giu")
  var SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.\-]*):/
  var DISPLAY_RE = new RegExp("^(.*?)[" + SPACE + "]*<[" + SPACE + "]*(?:mailto:)?([^<>]*?)[" + SPACE + "]*>$", "su")
  var ADDRESS_RE = new RegExp("^([^@<>()\\[\\],;:\"\\\\/%" + SPACE + "]+)@([^@<>()\\[\\],;:\"\\\\/%?#" + SPACE + "]+)$", "u")
  var PHONE_RE = /^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*$/
  var IPV4_RE = /^[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?:[:/?#]|$)/
  var BARE_HANDLE_RE = /^[A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]{3,64}$/
  var HANDLE_RE = /^[\p{L}\p{N}\p{M}_]{1,64}$/u
  var ASCII_LETTER_RE = /[A-Za-z]/
  var HOSTISH_RE = /^[^/\\?#]*[^/\\?#.][.\u3002][^/\\?#.]/
  var NETWORK_PATH_RE = /^[/\\]{2}/
  var TOKEN_RE = /[.\-_]/
  var WORD_SPLIT_RE = /[^a-z0-9]+/
  var EXTRA_HOST_END = /:[0-9]*$/
  var BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/

  function Verdict(kind, what, channel, useFor, lookalike, reason, subject) {
    return { kind: kind, what: what || "", channel: channel || "", use_for: useFor || "",
             lookalike_of: lookalike || "", reason: reason || "", subject: subject || "" }
  }

  function codePoints(text) { return Array.from(text) }

  function normalise(text) {
    text = text.normalize("NFKC")
    return text.replace(AT_RE, "@").replace(DOT_RE, ".")
  }

  function strip(text) { return text.replace(STRIP_RE, "") }

  function host(value) { return value.toLowerCase().replace(/\.+$/, "") }

  function isHidden(ch) { return HIDDEN_RE.test(ch) }

  // RFC 3492 (Punycode) decoding of one label's tail after "xn--"; null when invalid.
  // Browsers have no toUnicode of their own; ada's idna_to_unicode does this on the Python side.
  function punycode(input) {
    var base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, max = 0x7fffffff
    var output = []
    var basic = input.lastIndexOf("-")
    if (basic < 0) basic = 0
    for (var j = 0; j < basic; j++) {
      if (input.charCodeAt(j) >= 0x80) return null
      output.push(input.charCodeAt(j))
    }
    var n = 128, bias = 72, i = 0
    var adapt = function (delta, points, first) {
      delta = first ? Math.floor(delta / damp) : delta >> 1
      delta += Math.floor(delta / points)
      var k = 0
      for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin))
      return Math.floor(k + (base - tMin + 1) * delta / (delta + skew))
    }
    for (var index = basic > 0 ? basic + 1 : 0; index < input.length;) {
      var old = i, w = 1
      for (var k = base; ; k += base) {
        if (index >= input.length) return null
        var c = input.charCodeAt(index++)
        var digit = c >= 48 && c <= 57 ? c - 22 : c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : base
        if (digit >= base || digit > Math.floor((max - i) / w)) return null
        i += digit * w
        var t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias
        if (digit < t) break
        if (w > Math.floor(max / (base - t))) return null
        w *= base - t
      }
      var out = output.length + 1
      bias = adapt(i - old, out, old === 0)
      if (Math.floor(i / out) > max - n) return null
      n += Math.floor(i / out)
      i %= out
      if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null
      output.splice(i++, 0, n)
    }
    return String.fromCodePoint.apply(null, output)
  }

  function unicodeHost(ascii) {
    if (ascii.indexOf("xn--") === -1) return ascii
    return ascii.split(".").map(function (label) {
      if (label.slice(0, 4) !== "xn--") return label
      var decoded = punycode(label.slice(4))
      return decoded === null ? label : decoded
    }).join(".")
  }

  function skeleton(text, table) {
    var out = ""
    for (var ch of text.normalize("NFD")) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch
    return out.normalize("NFD")
  }

  function fold(text, table) {
    return skeleton(text, table).replace(/[A-Z]+/g, function (s) { return s.toLowerCase() })
  }

  // Optimal string alignment distance, by code points; see edits() in verifier.py.
  function edits(a, b, limit) {
    if (a === b) return 0
    a = codePoints(a); b = codePoints(b)
    if (a.length > limit || b.length > limit) return limit
    var previous2 = [], previous = [], current, i, j
    for (j = 0; j <= b.length; j++) previous.push(j)
    for (i = 1; i <= a.length; i++) {
      current = [i]
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], previous2[j - 2] + 1)
        }
      }
      previous2 = previous; previous = current
    }
    return previous[b.length]
  }

  function decoded(text) {
    if (text.indexOf("%") === -1 || BAD_ESCAPE.test(text)) return text
    try { return decodeURIComponent(text) } catch (e) { return text }
  }

  function parse(text) {
    try { return new URL(text) } catch (e) { return null }
  }

  function asciiHost(domain) {
    var parsed = parse("https://" + domain + "/")
    return parsed ? host(parsed.hostname) : ""
  }

  function typedHost(text) {
    var rest = text.replace(SCHEME_RE, "").replace(/^[/\\]+/, "")
    rest = rest.split(/[/\\?#]/)[0]
    var at = rest.lastIndexOf("@")
    return (at === -1 ? rest : rest.slice(at + 1)).replace(EXTRA_HOST_END, "")
  }

  function Verifier(rules, table) {
    this.rules = rules
    this.table = table
    this.limits = rules.limits
    this.aliases = rules.social_aliases
    var self = this
    this.foldedDomains = rules.domains.map(function (d) { return [d, fold(d, table)] })
    this.byLength = this.foldedDomains.slice().sort(function (x, y) { return y[1].length - x[1].length })
    this.brands = rules.brands.map(function (b) { return [fold(b[0], table), b[1]] })
    this.social = rules.channels.filter(function (c) { return c.kind === "social" && c.handle })
    this.emails = rules.channels.filter(function (c) { return c.address })
    this.network = function (h) { return Object.prototype.hasOwnProperty.call(self.aliases, h) ? self.aliases[h] : h }
  }

  Verifier.prototype.verify = function (text) {
    var max = this.limits.max_input
    if (typeof text !== "string") return Verdict("unknown")
    if (text.length > max) {
      var count = 0
      for (var ignored of text) if (++count > max) return Verdict("unknown")
    }
    text = strip(normalise(text))
    if (!text || codePoints(text).length > max) return Verdict("unknown")
    var chars = codePoints(text)
    if (!chars.some(isHidden)) return this.judge(text)
    var verdict = this.judge(chars.filter(function (c) { return !isHidden(c) }).join(""))
    if (verdict.kind === "unknown") return verdict
    // Never official with characters a reader cannot see; what it imitates is what it would be.
    var look = verdict.kind === "official" ? verdict.subject : verdict.lookalike_of
    return Verdict("not-ours", verdict.what, "", "", look, "hidden", verdict.kind === "not-ours" ? verdict.subject : "")
  }

  Verifier.prototype.judge = function (text) {
    var scheme = SCHEME_RE.exec(text)
    if (scheme) {
      var name = scheme[1].toLowerCase()
      var rest = text.slice(scheme[0].length)
      if (name === "mailto") return this.email(rest.split("?")[0])
      if (name === "tel") return this.phone(rest)
      if (name === "http" || name === "https") return this.url(text)
      if (name.indexOf(".") === -1) return Verdict("unknown", "url")
    }
    if (DISPLAY_RE.test(text) || ADDRESS_RE.test(text)) return this.email(text)
    if (IPV4_RE.test(text)) return this.url("https://" + text)
    if (PHONE_RE.test(text)) return this.phone(text)
    if (SPACE_RE.test(text)) return Verdict("unknown")
    if (text.charAt(0) === "@") {
      var handle = text.slice(1)
      return HANDLE_RE.test(handle) ? this.handle(handle, "") : Verdict("unknown")
    }
    if (BARE_HANDLE_RE.test(text) && ASCII_LETTER_RE.test(text)) return this.handle(text, "")
    if (NETWORK_PATH_RE.test(text)) return this.url("https:" + text)
    if (HOSTISH_RE.test(text)) return this.url("https://" + text)
    return Verdict("unknown")
  }

  Verifier.prototype.url = function (text) {
    if (SPACE_RE.test(text)) return Verdict("unknown", "url")
    var parsed = parse(text)
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return Verdict("unknown", "url")
    var h = host(parsed.hostname)
    if (!h) return Verdict("unknown", "url")
    var network = this.network(h)
    if (this.social.some(function (c) { return c.host === network })) return this.account(parsed, network)
    var domains = this.rules.domains
    if (domains.indexOf(h) !== -1) {
      var path = parsed.pathname.replace(/\/+$/, "").toLowerCase()
      var channel = this.rules.channels.find(function (c) {
        return c.kind !== "social" && c.host === h && c.path === path
      })
      if (channel) return Verdict("official", "url", channel.id, channel.use_for, "", "", channel.shown)
      return Verdict("official", "url", "", "", "", "", h)
    }
    if (domains.some(function (d) { return h.slice(-(d.length + 1)) === "." + d })) {
      return Verdict("unknown", "url", "", "", "", "unlisted")
    }
    var look = this.hostLookalike(typedHost(text)) || this.hostLookalike(unicodeHost(h) || h)
    if (!look && (parsed.username || parsed.password)) look = this.textLookalike(parsed.username + ":" + parsed.password)
    if (!look) look = this.containsDomain(parsed.pathname + parsed.search + parsed.hash)
    return Verdict("not-ours", "url", "", "", look, "", h)
  }

  Verifier.prototype.account = function (parsed, network) {
    var segments = parsed.pathname.split("/")
    var name = decoded(segments.length > 1 ? segments[1] : "")
    if (name.charAt(0) === "@") name = name.slice(1)
    if (!name) return Verdict("not-ours", "url", "", "", "", "", network)
    return this.handle(name, network)
  }

  Verifier.prototype.handle = function (name, network) {
    var ours = this.social.filter(function (c) { return !network || c.host === network })
    var lower = name.toLowerCase()
    var match = ours.find(function (c) { return c.handle.toLowerCase() === lower })
    if (match) return Verdict("official", "handle", match.id, match.use_for, "", "", match.shown)
    return Verdict("not-ours", "handle", "", "", this.handleLookalike(name, ours.length ? ours : this.social))
  }

  Verifier.prototype.email = function (text) {
    var display = ""
    var match = DISPLAY_RE.exec(text)
    if (match) {
      display = match[1].replace(/^[ "']+|[ "']+$/g, "")
      text = match[2]
    }
    var address = ADDRESS_RE.exec(text)
    if (!address) return Verdict("unknown", "email")
    var local = address[1], domain = address[2]
    var h = asciiHost(domain)
    if (!h) return Verdict("unknown", "email")
    var full = local.toLowerCase() + "@" + h
    var channel = this.rules.channels.find(function (c) { return c.address && c.address === full })
    if (channel) return Verdict("official", "email", channel.id, channel.use_for, "", "", channel.shown)
    var emails = this.emails, table = this.table
    var lowerLocal = local.toLowerCase()
    var same = emails.find(function (c) { return c.address.split("@")[0] === lowerLocal })
    var sameLocal = same ? same.address : ""
    if (this.rules.domains.indexOf(h) !== -1) return Verdict("not-ours", "email", "", "", sameLocal, "unlisted")
    var look = this.hostLookalike(domain) || this.hostLookalike(unicodeHost(h) || h)
    if (look) return Verdict("not-ours", "email", "", "", sameLocal || look)
    var parts = [display, local], i
    for (i = 0; i < parts.length; i++) {
      var folded = fold(parts[i], table)
      var hit = emails.find(function (c) { return folded.indexOf(fold(c.address, table)) !== -1 })
      if (hit) return Verdict("not-ours", "email", "", "", hit.address)
    }
    for (i = 0; i < parts.length; i++) {
      look = this.textLookalike(parts[i])
      if (look) return Verdict("not-ours", "email", "", "", look)
    }
    return Verdict("not-ours", "email")
  }

  Verifier.prototype.phone = function (text) {
    text = strip(text)
    if (!PHONE_RE.test(text)) return Verdict("unknown", "phone")
    var digits = text.replace(/[^0-9]/g, "")
    if (digits.length < this.limits.min_phone_digits || digits.length > this.limits.max_phone_digits) {
      return Verdict("unknown", "phone")
    }
    var plus = text.charAt(0) === "+"
    var channel = this.rules.channels.find(function (c) { return (plus ? c.intl : c.national).indexOf(digits) !== -1 })
    if (channel) return Verdict("official", "phone", channel.id, channel.use_for, "", "", channel.shown)
    return Verdict("not-ours", "phone")
  }

  Verifier.prototype.hostLookalike = function (value) {
    if (!value) return ""
    var maxEdits = this.limits.max_edits, limit = this.limits.max_compared
    var folded = fold(value, this.table).replace(/\.+$/, ""), i, j
    for (i = 0; i < this.foldedDomains.length; i++) if (folded === this.foldedDomains[i][1]) return this.foldedDomains[i][0]
    for (i = 0; i < this.byLength.length; i++) if (folded.indexOf(this.byLength[i][1]) !== -1) return this.byLength[i][0]
    var tokens = folded.split(TOKEN_RE)
    for (i = 0; i < tokens.length; i++) {
      for (j = 0; j < this.brands.length; j++) {
        var brand = this.brands[j]
        if (tokens[i].indexOf(brand[0]) !== -1 || edits(tokens[i], brand[0], limit) <= maxEdits) return brand[1]
      }
    }
    for (i = 0; i < this.foldedDomains.length; i++) {
      if (edits(folded, this.foldedDomains[i][1], limit) <= maxEdits) return this.foldedDomains[i][0]
    }
    return ""
  }

  Verifier.prototype.containsDomain = function (text) {
    var folded = fold(text, this.table)
    var hit = this.byLength.find(function (d) { return folded.indexOf(d[1]) !== -1 })
    return hit ? hit[0] : ""
  }

  Verifier.prototype.textLookalike = function (text) {
    var look = this.containsDomain(text)
    if (look || !text) return look
    var maxEdits = this.limits.max_edits, limit = this.limits.max_compared
    var tokens = fold(text, this.table).split(WORD_SPLIT_RE)
    for (var i = 0; i < tokens.length; i++) {
      for (var j = 0; j < this.brands.length; j++) {
        var brand = this.brands[j]
        if (tokens[i] && (tokens[i].indexOf(brand[0]) !== -1 || edits(tokens[i], brand[0], limit) <= maxEdits)) {
          return brand[1]
        }
      }
    }
    return ""
  }

  Verifier.prototype.handleLookalike = function (name, ours) {
    var table = this.table, limit = this.limits.max_compared
    var folded = fold(name, table)
    var ranked = ours.map(function (c, n) { return [edits(folded, fold(c.handle, table), limit), n, c] })
    ranked.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] })
    if (!ranked.length) return ""
    var best = ranked[0]
    var brand = this.brands.some(function (b) { return folded.indexOf(b[0]) !== -1 })
    return best[0] <= this.limits.max_edits || brand ? "@" + best[2].handle : ""
  }

  // Every occurrence, and no "$&" patterns in the value (String.replace has both pitfalls).
  function fill(text, name, value) { return text.split("{" + name + "}").join(value) }

  // The sentences shown for a verdict: explain() in verifier.py.
  function explain(verdict, words, names, uses) {
    var lines
    var has = Object.prototype.hasOwnProperty
    if (verdict.kind === "official") {
      var detail = verdict.channel
        ? fill(fill(words.official_channel, "channel", has.call(names, verdict.channel) ? names[verdict.channel] : verdict.channel),
          "use", has.call(uses, verdict.use_for) ? uses[verdict.use_for] : verdict.use_for)
        : fill(words.official_site, "site", verdict.subject)
      lines = [words.official, detail, words.official_next]
    } else if (verdict.kind === "not-ours") {
      lines = [words.not_ours]
      if (verdict.lookalike_of) lines.push(fill(words.looks_like, "lookalike", verdict.lookalike_of))
      if (verdict.what === "url" && verdict.subject) lines.push(fill(words.opens, "site", verdict.subject))
      if (verdict.reason === "hidden") lines.push(words.hidden)
      if (verdict.reason === "unlisted") lines.push(words.unlisted_email)
      lines.push(words.not_ours_next)
    } else {
      var why = verdict.reason === "unlisted" ? words.unlisted_site
        : verdict.what === "phone" ? words.unknown_phone
          : verdict.what ? words.unknown_other : words.unknown_text
      lines = [words.unknown, why, words.unknown_next]
    }
    return lines.filter(function (line) { return line })
  }

  var scope = typeof window !== "undefined" ? window : globalThis
  scope.HcVerify = { Verifier: Verifier, explain: explain, fold: fold, skeleton: skeleton,
                     punycode: punycode, unicodeHost: unicodeHost, normalise: normalise, edits: edits }
  if (typeof document === "undefined") return

  // The page (partials/hc-verify.html): the data in data-hc-verify (views.verify_view).
  var root = document.querySelector("[data-hc-verify]")
  if (!root) return
  var data
  try { data = JSON.parse(root.getAttribute("data-hc-verify")) } catch (e) { return }
  var input = root.querySelector("[data-hc-verify-input]")
  var button = root.querySelector("[data-hc-verify-button]")
  var output = root.querySelector("output")
  var report = root.querySelector("[data-hc-verify-report]")
  if (!input || !button || !output) return
  var ready = fetch(root.getAttribute("data-confusables"))
    .then(function (response) { return response.ok ? response.json() : { map: {} } })
    .catch(function () { return { map: {} } })
    .then(function (file) { return new Verifier(data.rules, file.map || {}) })
  // No <form>: the page's policy has form-action 'none', and nothing is sent anywhere.
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); check() }
  })
  button.addEventListener("click", check)
  root.hidden = false

  function check() {
    var text = input.value
    ready.then(function (verifier) {
      var verdict = verifier.verify(text)
      output.setAttribute("data-verdict", verdict.kind)
      output.textContent = ""
      // <output> holds phrasing content only: one <span> per sentence, <br> between them.
      explain(verdict, data.words, data.names, data.uses).forEach(function (line, n) {
        if (n > 0) output.appendChild(document.createElement("br"))
        var span = document.createElement(n === 0 ? "strong" : "span")
        span.className = n === 0 ? "hc-verify__answer" : "hc-verify__line"
        span.textContent = line
        output.appendChild(span)
      })
      if (report) {
        report.href = data.report_url + "&report=" + encodeURIComponent(text)
        report.parentNode.hidden = verdict.kind === "official"
      }
    })
  }
})()
