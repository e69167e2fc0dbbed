/*
 * Help centre search in the browser: tokenizer, index loader and query.
 *
 * A line-for-line copy of scripts/helpcentre/search/tokenize.py, stemming.py
 * and query.py (read those for the reasons behind each rule).
 * tests/test_search_js.py runs this file under node and checks it gives the
 * same tokens, the same character classes, the same weights and the same
 * ranked results as the Python code; tests/test_search_stem.py, the same
 * Snowball roots. Change both or neither.
 *
 * Loaded by hc-search-worker.js (importScripts, after hc-snowball.js, the
 * Snowball stemmers) and by node (require, which loads hc-snowball.js itself).
 */
(function (root) {
  "use strict"

  var snowball = root.snowballFactory ||
    (typeof require === "function" ? require("./hc-snowball.js") : undefined)

  /* ---- tokenize.py ------------------------------------------------------ */

  var BIGRAM_BLOCKS = [
    [0x0E00, 0x0E7F, "thai"],
    [0x0E80, 0x0EFF, "lao"],
    [0x1000, 0x109F, "myanmar"],
    [0x1100, 0x11FF, "hangul"],
    [0x1780, 0x17FF, "khmer"],
    [0x2E80, 0x2FDF, "cjk"],
    [0x3005, 0x3007, "cjk"],
    [0x3021, 0x3029, "cjk"],
    [0x3031, 0x3035, "cjk"],
    [0x3038, 0x303C, "cjk"],
    [0x3041, 0x309F, "cjk"],
    [0x30A1, 0x30FA, "cjk"],
    [0x30FC, 0x30FF, "cjk"],
    [0x3100, 0x312F, "cjk"],
    [0x3130, 0x318F, "hangul"],
    [0x31A0, 0x31BF, "cjk"],
    [0x31F0, 0x31FF, "cjk"],
    [0x3400, 0x4DBF, "cjk"],
    [0x4E00, 0x9FFF, "cjk"],
    [0xA960, 0xA97F, "hangul"],
    [0xAC00, 0xD7FF, "hangul"],
    [0xF900, 0xFAFF, "cjk"],
    [0xFF66, 0xFF9F, "cjk"],
    [0x1B000, 0x1B16F, "cjk"],
    [0x20000, 0x323AF, "cjk"]
  ]
  var CONNECTORS = "-'_\u2010\u2019"
  var WORD = "word"
  var CONNECTOR = "connector"
  var SEPARATOR = "separator"
  var MAX_WORD = 40
  var STEM_LENGTH = 5
  var ROOT_MARK = "~"
  var UNIGRAM_FAMILIES = new Set(["cjk"])
  var UNIGRAM_KANA = false
  var WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u

  var classCache = new Map()

  function charClass(ch) {
    var cached = classCache.get(ch)
    if (cached !== undefined)
      return cached
    var result = classify(ch)
    if (classCache.size < 65536)
      classCache.set(ch, result)
    return result
  }

  function classify(ch) {
    var cp = ch.codePointAt(0)
    for (var i = 0; i < BIGRAM_BLOCKS.length; i++) {
      var block = BIGRAM_BLOCKS[i]
      if (block[0] <= cp && cp <= block[1])
        return block[2]
      if (cp < block[0])
        break
    }
    if (CONNECTORS.indexOf(ch) >= 0)
      return CONNECTOR
    if (WORD_CHAR.test(ch))
      return WORD
    return SEPARATOR
  }

  function isUnigram(ch) {
    var cp = ch.codePointAt(0)
    return UNIGRAM_KANA || !(0x3041 <= cp && cp <= 0x30FF)
  }

  /* ---- stemming.py ------------------------------------------------------- */

  var STEMMERS = {
    en: { algorithm: "english", alphabet: /^[a-z]+$/ },
    es: { algorithm: "spanish", alphabet: /^[a-záéíóúüñ]+$/ },
    ru: { algorithm: "russian", alphabet: /^[абвгдежзийклмнопрстуфхцчшщъыьэюяё]+$/ }
  }
  var programs = new Map()
  var stemCache = new Map()

  function stem(word, lang) {
    var stemmer = STEMMERS[lang]
    if (stemmer === undefined || !stemmer.alphabet.test(word))
      return null
    var key = lang + ":" + word
    var found = stemCache.get(key)
    if (found === undefined) {
      var program = programs.get(lang)
      if (program === undefined) {
        if (snowball === undefined)
          throw new Error("hc-snowball.js is not loaded: cannot stem " + lang)
        programs.set(lang, program = snowball.newStemmer(stemmer.algorithm))
      }
      found = program.stem(word.replace(/ё/g, "е"))
      if (stemCache.size >= 65536)
        stemCache.clear()
      stemCache.set(key, found)
    }
    return found
  }

  function foldKana(ch) {
    var cp = ch.codePointAt(0)
    if ((0x30A1 <= cp && cp <= 0x30F6) || (0x30FD <= cp && cp <= 0x30FE))
      return String.fromCodePoint(cp - 0x60)
    return ch
  }

  function foldWord(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")
      .replace(/ß/g, "ss")
  }

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase()
  }

  function analyze(text, stemmers, unigrams) {
    stemmers = stemmers || []
    var chars = Array.from(normalize(text))
    var tokens = []
    segments(chars).forEach(function (segment) {
      var cls = segment[2]
      if (cls === WORD) {
        readWord(chars.slice(segment[0], segment[1]), tokens, stemmers)
        return
      }
      var run = chars.slice(segment[0], segment[1]).map(foldKana)
      if (run.length === 1) {
        tokens.push({ term: run[0], kind: "single" })
      } else {
        for (var k = 0; k < run.length - 1; k++)
          tokens.push({ term: run[k] + run[k + 1], kind: "gram" })
        if (unigrams && UNIGRAM_FAMILIES.has(cls))
          run.forEach(function (c) {
            if (isUnigram(c))
              tokens.push({ term: c, kind: "uni" })
          })
      }
    })
    return tokens
  }

  // `word`: the code points of one word, its parts joined by single connectors (segments).
  function readWord(word, tokens, stemmers) {
    var parts = [""]
    word.forEach(function (c) {
      if (CONNECTORS.indexOf(c) >= 0)
        parts.push("")
      else
        parts[parts.length - 1] += c
    })
    var folded = parts.map(foldWord)
    var kind = folded.length > 1 ? "part" : "word"
    folded.forEach(function (part, p) {
      var points = Array.from(part)
      if (points.length > 0 && points.length <= MAX_WORD) {
        tokens.push({ term: part, kind: kind })
        var truncated = points.slice(0, STEM_LENGTH).join("")
        if (points.length > STEM_LENGTH)
          tokens.push({ term: truncated, kind: "stem" })
        var roots = []
        stemmers.forEach(function (lang) {
          var root = stem(parts[p], lang)
          if (root) {
            root = ROOT_MARK + foldWord(root)
            if (roots.indexOf(root) < 0) {
              roots.push(root)
              tokens.push({ term: root, kind: "root" })
            }
          }
        })
      }
    })
    if (folded.length > 1) {
      var joined = folded.join("")
      var joinedLength = Array.from(joined).length
      if (joinedLength > 0 && joinedLength <= MAX_WORD)
        tokens.push({ term: joined, kind: "joined" })
    }
  }

  function tokenize(text, stemmers, unigrams) {
    return analyze(text, stemmers, unigrams).map(function (t) { return t.term })
  }

  // [start, end, class] of each word or space-less run of `chars` (code points
  // of normalized text), as tokenize.py's segments.
  function segments(chars) {
    var classes = chars.map(charClass)
    var out = []
    var i = 0
    var n = chars.length
    while (i < n) {
      var cls = classes[i]
      if (cls === SEPARATOR || cls === CONNECTOR) {
        i += 1
        continue
      }
      var j = i
      while (j < n && classes[j] === cls) {
        j += 1
        if (cls === WORD && j + 1 < n && classes[j] === CONNECTOR && classes[j + 1] === WORD)
          j += 1
      }
      out.push([i, j, cls])
      i = j
    }
    return out
  }

  /* ---- packing.py -------------------------------------------------------- */

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
  var DIGIT = new Int8Array(128).fill(-1)
  for (var a = 0; a < ALPHABET.length; a++)
    DIGIT[ALPHABET.charCodeAt(a)] = a

  function unpackNumbers(text) {
    var out = new Uint32Array(text.length)
    var n = 0
    var value = 0
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)]
      if (digit >= 32) {
        value = value * 32 + digit - 32
      } else {
        out[n++] = value * 32 + digit
        value = 0
      }
    }
    return out.subarray(0, n)
  }

  function cumulative(sizes) {
    var out = new Uint32Array(sizes.length + 1)
    for (var i = 0; i < sizes.length; i++)
      out[i + 1] = out[i] + sizes[i]
    return out
  }

  function skipNumbers(text, pos, count) {
    while (count) {
      if (DIGIT[text.charCodeAt(pos)] < 32)
        count -= 1
      pos += 1
    }
    return pos
  }

  function readNumbers(text, pos, count) {
    var out = new Uint32Array(count)
    var n = 0
    var value = 0
    while (n < count) {
      var digit = DIGIT[text.charCodeAt(pos++)]
      if (digit >= 32) {
        value = value * 32 + digit - 32
      } else {
        out[n++] = value * 32 + digit
        value = 0
      }
    }
    return out
  }

  var SURROGATE = /[\uD800-\uDFFF]/

  function unpackTerms(text) {
    if (!text)
      return []
    var lines = text.split("\n")
    var terms = new Array(lines.length)
    var previous = ""
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i]
      var shared = line.charCodeAt(0) - 48
      // `shared` counts code points, as Python does; most terms are BMP-only.
      var head = SURROGATE.test(previous)
        ? Array.from(previous).slice(0, shared).join("")
        : previous.slice(0, shared)
      previous = terms[i] = head + line.slice(1)
    }
    return terms
  }

  /* ---- traditional.py ---------------------------------------------------- */

  // The index's "fold" pairs (Traditional, Simplified, ...) as a Map.
  // Every character in them is one UTF-16 unit (traditional.py keeps to the BMP).
  function parsePairs(pairs) {
    var table = new Map()
    for (var i = 0; i + 1 < pairs.length; i += 2)
      table.set(pairs[i], pairs[i + 1])
    return table
  }

  function fold(text, table) {
    if (!table.size)
      return text
    var out = ""
    for (var i = 0; i < text.length; i++) {
      var c = text[i]
      out += table.get(c) || c
    }
    return out
  }

  /* ---- spelling.py ------------------------------------------------------- */

  var CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
  var CYRILLIC_LATIN = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
    "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"]
  var FUZZY_MIN = 7
  var MAX_SPELLINGS = 3
  var MIN_CONSONANTS = 3
  var MIN_MENTIONS = 2
  var KANA_CONSONANTS = new Map()
  ;[["アイウエオァィゥェォャュョヤユヨヲッー", ""], ["カキクケコ", "k"], ["ガギグゲゴ", "g"],
    ["サシスセソザズゼゾヅ", "s"], ["ジヂ", "j"], ["タチツテト", "t"], ["ダデド", "d"],
    ["ナニヌネノン", "n"], ["ハヒヘホ", "h"], ["フ", "f"], ["バビブベボヴ", "b"],
    ["パピプペポ", "p"], ["マミムメモ", "m"], ["ラリルレロ", "r"], ["ワ", "w"]].forEach(function (row) {
    for (var k = 0; k < row[0].length; k++)
      KANA_CONSONANTS.set(row[0][k], row[1])
  })
  var HANGUL_INITIALS = ["g", "g", "n", "d", "d", "r", "m", "b", "b", "s", "s", "", "j", "j", "t", "k", "t", "p", "h"]
  var HANGUL_FINALS = { 1: "k", 4: "n", 7: "t", 8: "r", 16: "m", 17: "p", 21: "ng" }
  var LATIN_PAIRS = { ph: "f", th: "s", sh: "s", ch: "t", ck: "k", qu: "k", dg: "j" }
  var LATIN_LETTERS = { x: "ks", z: "s", l: "r", v: "b", q: "k" }

  function collapse(consonants) {
    var out = ""
    for (var k = 0; k < consonants.length; k++)
      if (!out || out[out.length - 1] !== consonants[k])
        out += consonants[k]
    return out
  }

  function kanaConsonants(run) {
    var out = ""
    for (var k = 0; k < run.length; k++) {
      if (run[k] === "ウ" && k + 1 < run.length && "ィェォ".indexOf(run[k + 1]) >= 0)
        out += "w"
      else
        out += KANA_CONSONANTS.get(run[k]) || ""
    }
    return collapse(out)
  }

  function hangulConsonants(run) {
    var out = ""
    for (var k = 0; k < run.length; k++) {
      var number = run.charCodeAt(k) - 0xAC00
      out += HANGUL_INITIALS[Math.floor(number / 588)] + (HANGUL_FINALS[number % 28] || "")
    }
    return collapse(out)
  }

  // Latin terms of the index only (a-z), so characters are UTF-16 units.
  function latinConsonants(word) {
    var out = ""
    var k = 0
    while (k < word.length) {
      var c = word[k]
      var after = k + 1 < word.length ? word[k + 1] : ""
      var pair = LATIN_PAIRS[c + after]
      if (after && pair !== undefined) {
        out += pair
        k += 2
        continue
      }
      if ("aeiouy".indexOf(c) >= 0) {
        // a vowel
      } else if (c === "c") {
        out += after !== "" && "eiy".indexOf(after) >= 0 ? "s" : "k"
      } else if (c === "g") {
        out += after !== "" && "ei".indexOf(after) >= 0 ? "j" : "g"
      } else if (c === "r") {
        if (!(k > 0 && "aeiou".indexOf(word[k - 1]) >= 0 && (after === "" || "aeiouy".indexOf(after) < 0)))
          out += "r"
      } else {
        out += LATIN_LETTERS[c] !== undefined ? LATIN_LETTERS[c] : c
      }
      k += 1
    }
    return collapse(out)
  }

  function loanwords(text) {
    var runs = []
    var run = ""
    var script = ""
    var chars = text + " "
    for (var k = 0; k < chars.length; k++) {
      var c = chars[k]
      var kind = (c >= "ァ" && c <= "ヴ") || c === "ー" ? "kana" : (c >= "가" && c <= "힣") ? "hangul" : ""
      if (kind !== script || !kind) {
        if (run.length >= (script === "kana" ? 3 : 2))
          runs.push(run)
        run = ""
        script = kind
      }
      if (kind)
        run += c
    }
    return runs
  }

  function consonants(run) {
    return run[0] >= "가" && run[0] <= "힣" ? hangulConsonants(run) : kanaConsonants(run)
  }

  function latin(word) {
    if (!word)
      return null
    var out = ""
    for (var ch of word) {
      var at = CYRILLIC.indexOf(ch)
      if (at < 0)
        return null
      out += CYRILLIC_LATIN[at]
    }
    return out
  }

  function fuzzyCandidate(word) {
    var points = Array.from(word)
    return points.length >= FUZZY_MIN && points.every(function (c) {
      return charClass(c) === WORD && c.codePointAt(0) < 0x3000 && !(c >= "0" && c <= "9")
    })
  }

  // x[p:] == y[q:] for arrays of code points.
  function sameFrom(x, p, y, q) {
    if (x.length - p !== y.length - q)
      return false
    for (; p < x.length; p++, q++)
      if (x[p] !== y[q])
        return false
    return true
  }

  // Arrays of code points, so a character outside the BMP counts once, as in Python.
  function withinOneEdit(a, b) {
    var la = a.length
    var lb = b.length
    if (Math.abs(la - lb) > 1)
      return false
    var i = 0
    while (i < la && i < lb && a[i] === b[i])
      i++
    if (i === la && i === lb)
      return true
    if (la === lb)
      return sameFrom(a, i + 1, b, i + 1) ||
        (i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2))
    if (la > lb)
      return sameFrom(a, i + 1, b, i)
    return sameFrom(a, i, b, i + 1)
  }

  /* ---- query.py ---------------------------------------------------------- */

  var FORMAT = "helpcentre-search"
  var VERSION = 4
  var WEIGHT_SCALE = 4
  var SYNONYM_WEIGHT = 0.8
  var PREFIX_WEIGHT = 0.7
  var STEM_WEIGHT = 0.6
  var ROOT_WEIGHT = 0.8
  var UNIGRAM_WEIGHT = 0.3
  var THESAURUS_WEIGHT = 0.5
  var READING_WEIGHT = 0.8
  var FUZZY_WEIGHT = 0.5
  var STOP_WEIGHT = 0.1
  var MENTION_WEIGHT = 0.25
  var MAX_EXPANSIONS = 50
  var MIN_MISSING_RUN = 2
  var MAX_NEARBY = 1000  // spellings remembered (near), then forgotten all at once
  var TERM_KINDS = new Set(["word", "part", "gram", "single"])
  var MIN_PREFIX = 2
  var SCORE_DIGITS = 1e6
  var MAX_QUERY_LENGTH = 200  // query.py says why

  // Code points, as Python counts them: a query of emoji is cut where Python cuts it.
  function shorten(query) {
    if (query.length <= MAX_QUERY_LENGTH)  // UTF-16 units: never fewer than code points
      return query
    var out = ""
    var count = 0
    for (var ch of query) {
      if (count === MAX_QUERY_LENGTH)
        break
      out += ch
      count += 1
    }
    return out
  }

  function spread(query) {
    var out = ""
    for (var ch of normalize(shorten(query))) {
      var cls = charClass(ch)
      out += cls !== WORD && cls !== CONNECTOR && cls !== SEPARATOR ? ch + " " : ch
    }
    return out
  }

  function qterm(term, prefix) {
    return { term: term, prefix: prefix }
  }

  function units(tokens, prefixLast) {
    var out = []
    var pending = []
    function flush() {
      pending.forEach(function (t) { out.push({ terms: [t], joined: null, stem: null, roots: [] }) })
      pending = []
    }
    var last = tokens.filter(function (t) { return t.kind !== "stem" && t.kind !== "root" }).length - 1
    var i = -1
    var previous = ""
    tokens.forEach(function (token) {
      if (token.kind === "stem" || token.kind === "root") {
        if (previous === "word") {
          var unit = out[out.length - 1]
          if (token.kind === "stem")
            out[out.length - 1] = { terms: unit.terms, joined: null, stem: qterm(token.term, false),
                                    roots: unit.roots }
          else
            out[out.length - 1] = { terms: unit.terms, joined: null, stem: unit.stem,
                                    roots: unit.roots.concat([qterm(token.term, false)]) }
        }
        return
      }
      i += 1
      previous = token.kind
      var longEnough = Array.from(token.term).length >= MIN_PREFIX
      var prefix = token.kind === "single" || (prefixLast && i === last && longEnough &&
        (token.kind === "word" || token.kind === "joined"))
      if (token.kind === "part") {
        pending.push(qterm(token.term, prefixLast && i === last - 1 && longEnough))
      } else if (token.kind === "joined") {
        out.push({ terms: pending, joined: qterm(token.term, prefix), stem: null, roots: [] })
        pending = []
      } else {
        flush()
        out.push({ terms: [qterm(token.term, prefix)], joined: null, stem: null, roots: [] })
      }
    })
    flush()
    return out
  }

  function isPrefixQuery(query) {
    var chars = Array.from(normalize(query))
    if (!chars.length)
      return false
    var cls = charClass(chars[chars.length - 1])
    return cls !== SEPARATOR && cls !== CONNECTOR
  }

  function memberTerms(phrase) {
    var terms = []
    units(analyze(phrase), false).forEach(function (u) {
      u.terms.forEach(function (t) { terms.push(t.term) })
    })
    return terms
  }

  // The index's thesaurus by each form its key's first word may take; an
  // entry is [forms of each key word (Sets), targets (arrays of terms)].
  function readThesaurus(entries) {
    var byForm = new Map()
    entries.forEach(function (entry) {
      var words = entry[0].split(" ").map(function (w) { return new Set(w.split("|")) })
      var item = [words, entry.slice(1).map(function (t) { return t.split(" ") })]
      Array.from(words[0]).sort().forEach(function (form) {
        var list = byForm.get(form)
        if (list === undefined)
          byForm.set(form, list = [])
        list.push(item)
      })
    })
    return byForm
  }

  function forms(unit) {
    if (unit.terms.length !== 1 || unit.joined !== null)
      return []
    var out = [unit.terms[0].term]
    unit.roots.forEach(function (r) {
      if (out.indexOf(r.term) < 0)
        out.push(r.term)
    })
    return out.sort()
  }

  function anyIn(set, list) {
    for (var i = 0; i < list.length; i++)
      if (set.has(list[i]))
        return true
    return false
  }

  function thesaurusAt(us, i, thesaurus, known) {
    var bestSpan = 0
    var best = []
    var seen = new Set()
    if (thesaurus === undefined)
      return { span: 0, targets: best }
    forms(us[i]).forEach(function (form) {
      (thesaurus.get(form) || []).forEach(function (entry) {
        if (seen.has(entry))
          return
        seen.add(entry)
        var words = entry[0]
        if (words.length <= bestSpan || i + words.length > us.length)
          return
        for (var k = 0; k < words.length; k++)
          if (!anyIn(words[k], forms(us[i + k])))
            return
        var unknown = false
        for (var u = 0; u < words.length && !unknown; u++)
          unknown = !forms(us[i + u]).some(known)
        if (!unknown)
          return
        bestSpan = words.length
        best = entry[1]
      })
    })
    return { span: bestSpan, targets: best }
  }

  function spellings(unit, weight, known, near) {
    if (unit.terms.length !== 1 || unit.joined !== null)
      return []
    var typed = unit.terms[0]
    if (known(typed.term) || unit.roots.some(function (r) { return known(r.term) }))
      return []
    // The word one edit away, then (for a Cyrillic word) its Latin reading, and that one edit away.
    var spellings = [[typed, null]]
    var reading = latin(typed.term)
    if (reading !== null)
      spellings.push([qterm(reading, typed.prefix), READING_WEIGHT])
    var out = []
    spellings.forEach(function (pair) {
      var spelling = pair[0]
      if (pair[1] !== null)
        out.push({ terms: [spelling], weight: pair[1] * weight, derived: true })
      if (fuzzyCandidate(spelling.term))
        near(spelling).forEach(function (term) {
          out.push({ terms: [qterm(term, false)], weight: FUZZY_WEIGHT * weight, derived: true })
        })
    })
    return out
  }

  function clauses(query, groups, stopwords, oneway, stemmers, thesaurus, known, near, sounding) {
    known = known || function () { return false }
    near = near || function () { return [] }
    sounding = sounding || function () { return [] }
    query = shorten(query)
    var us = units(analyze(query, stemmers), isPrefixQuery(query))
    var readings = loanwordReadings(query, us, sounding)
    var out = []
    var i = 0
    while (i < us.length) {
      var found = synonymAt(us, i, groups, oneway)
      if (found.span) {
        var own = []
        us.slice(i, i + found.span).forEach(function (u) {
          u.terms.forEach(function (t) { own.push(t) })
        })
        var alts = [{ terms: own, weight: 1.0, derived: false }]
        found.members.forEach(function (m) {
          alts.push({ terms: m.map(function (t) { return qterm(t, false) }),
                      weight: SYNONYM_WEIGHT, derived: false })
        })
        out.push({ alternatives: alts, size: own.length, weight: 1.0 })
        i += found.span
        continue
      }
      var th = thesaurusAt(us, i, thesaurus, known)
      if (th.span > 1) {
        var mine = []
        us.slice(i, i + th.span).forEach(function (u) {
          u.terms.forEach(function (t) { mine.push(t) })
        })
        var thAlts = [{ terms: mine, weight: 1.0, derived: false }]
        th.targets.forEach(function (target) {
          thAlts.push({ terms: target.map(function (t) { return qterm(t, false) }),
                        weight: THESAURUS_WEIGHT, derived: true })
        })
        out.push({ alternatives: thAlts, size: mine.length, weight: 1.0 })
        i += th.span
        continue
      }
      var unit = us[i]
      var stop = stopwords !== undefined &&
        unit.terms.every(function (t) { return stopwords.has(t.term) })
      var weight = stop ? STOP_WEIGHT : 1.0
      var unitAlts = [{ terms: unit.terms, weight: weight, derived: false }]
      if (unit.joined !== null)
        unitAlts.push({ terms: [unit.joined], weight: weight, derived: false })
      if (unit.stem !== null)
        unitAlts.push({ terms: [unit.stem], weight: STEM_WEIGHT * weight, derived: false })
      unit.roots.forEach(function (r) {
        unitAlts.push({ terms: [r], weight: ROOT_WEIGHT * weight, derived: true })
      })
      spellings(unit, weight, known, near).forEach(function (alt) { unitAlts.push(alt) })
      ;(readings.get(i) || []).forEach(function (term) {
        unitAlts.push({ terms: [qterm(term, false)], weight: READING_WEIGHT * weight, derived: true })
      })
      if (unit.terms.length === 1 && isGram(unit.terms[0].term)) {
        var singles = unigramTerms(unit.terms[0].term)
        if (singles.length)
          unitAlts.push({ terms: singles, weight: UNIGRAM_WEIGHT * weight, derived: true, apart: true })
      }
      th.targets.forEach(function (target) {
        unitAlts.push({ terms: target.map(function (t) { return qterm(t, false) }),
                        weight: THESAURUS_WEIGHT * weight, derived: true })
      })
      out.push({ alternatives: unitAlts, size: unit.terms.length, weight: weight })
      i += 1
    }
    return out
  }

  // Unit number -> the Latin term its katakana or hangul run reads as (query.py says how).
  function loanwordReadings(query, us, sounding) {
    var out = new Map()
    var start = 0
    loanwords(normalize(query)).forEach(function (run) {
      var key = consonants(run)
      var terms = key.length >= MIN_CONSONANTS ? sounding(key) : []
      var grams = []
      for (var k = 0; k + 1 < run.length; k++)
        grams.push(foldKana(run[k]) + foldKana(run[k + 1]))
      for (var i = start; i <= us.length - grams.length; i++) {
        var all = true
        for (var g = 0; g < grams.length && all; g++) {
          var u = us[i + g]
          all = u.joined === null && u.terms.length === 1 && u.terms[0].term === grams[g]
        }
        if (all) {
          if (terms.length)
            for (var h = 0; h < grams.length; h++)
              out.set(i + h, terms)
          start = i + grams.length
          break
        }
      }
    })
    return out
  }

  function isGram(term) {
    var points = Array.from(term)
    return points.length === 2 && points.every(function (c) { return UNIGRAM_FAMILIES.has(charClass(c)) })
  }

  function unigramTerms(term) {
    return Array.from(term).filter(isUnigram).map(function (c) { return qterm(c, false) })
  }

  function synonymAt(us, i, groups, oneway) {
    var bestSpan = 0
    var bestMembers = []
    groups.forEach(function (group, number) {
      var sources = oneway !== undefined && oneway.has(number) ? group.slice(0, 1) : group
      sources.forEach(function (member) {
        if (!member.length)
          return
        var span = match(us, i, member)
        if (span > bestSpan) {
          bestSpan = span
          bestMembers = group.filter(function (m) {
            return m.length && !sameTerms(m, member)
          })
        }
      })
    })
    return { span: bestSpan, members: bestMembers }
  }

  function sameTerms(a, b) {
    if (a.length !== b.length)
      return false
    for (var i = 0; i < a.length; i++)
      if (a[i] !== b[i])
        return false
    return true
  }

  function match(us, i, member) {
    var k = 0
    var j = i
    while (j < us.length && k < member.length) {
      var terms = us[j].terms.map(function (t) { return t.term })
      if (!sameTerms(terms, member.slice(k, k + terms.length)))
        return 0
      k += terms.length
      j += 1
    }
    return k === member.length ? j - i : 0
  }

  // Decoded postings kept per index: enough for every term a session's
  // queries touch, bounded so a long session cannot hold the whole index.
  var MAX_CACHED_LISTS = 20000

  function SearchIndex(data) {
    if (data.format !== FORMAT || data.version !== VERSION)
      throw new Error("not a " + FORMAT + " index of version " + VERSION)
    this.lang = data.lang
    this.fallbackLabel = data.fallback_label
    this.docs = data.docs
    this.synonyms = data.synonyms
    this.groups = data.synonyms.map(function (g) { return g.map(memberTerms) })
    this.stopwords = new Set(data.stopwords)
    this.oneway = new Set(data.oneway)
    this.stemmers = data.stemmers
    this.thesaurus = readThesaurus(data.thesaurus)
    this.fold = parsePairs(data.fold)
    this.block = data.block
    this.start = cumulative(unpackNumbers(data.df))
    this.about = unpackNumbers(data.about)
    this.termCount = this.about.length
    this.termsText = data.terms
    this.postingsText = data.postings
    this.weightsText = data.weights
    this.termAt = cumulative(unpackNumbers(data.term_blocks))
    this.postingAt = cumulative(unpackNumbers(data.posting_blocks))
    this.weightAt = cumulative(unpackNumbers(data.weight_blocks))
    this.heads = new Array(this.termAt.length - 1)
    for (var b = 0; b < this.heads.length; b++)
      this.heads[b] = this.head(b)
    this.blocks = new Map()
    this.lists = new Map()
    this.nearby = new Map()  // query term -> its spellings one edit away (near)
    // Scratch space for `search`, allocated once: a keystroke allocates little.
    var n = this.docs.length
    this.scratch = {
      total: new Float64Array(n), matched: new Float64Array(n), best: new Float64Array(n),
      sums: new Float64Array(n), scores: new Float64Array(n), finals: new Float64Array(n)
    }
  }

  SearchIndex.prototype.head = function (block) {
    var at = this.termAt[block]
    var end = this.termsText.indexOf("\n", at)
    return this.termsText.slice(at + 1, end >= 0 ? end : this.termsText.length)
  }

  SearchIndex.prototype.blockTerms = function (block) {
    var terms = this.blocks.get(block)
    if (terms === undefined) {
      terms = unpackTerms(this.termsText.slice(this.termAt[block], this.termAt[block + 1] - 1))
      this.blocks.set(block, terms)
    }
    return terms
  }

  SearchIndex.prototype.term = function (number) {
    return this.blockTerms(Math.floor(number / this.block))[number % this.block]
  }

  SearchIndex.prototype.df = function (number) {
    return this.start[number + 1] - this.start[number]
  }

  // A term's documents (ascending) and its weight in each.
  SearchIndex.prototype.postings = function (number) {
    var found = this.lists.get(number)
    if (found === undefined) {
      var block = Math.floor(number / this.block)
      var skip = this.start[number] - this.start[block * this.block]
      var count = this.df(number)
      var gaps = readNumbers(this.postingsText,
        skipNumbers(this.postingsText, this.postingAt[block], skip), count)
      var weights = readNumbers(this.weightsText,
        skipNumbers(this.weightsText, this.weightAt[block], skip), count)
      var previous = -1
      for (var i = 0; i < count; i++) {
        previous = previous + 1 + gaps[i]
        gaps[i] = previous
      }
      if (this.lists.size >= MAX_CACHED_LISTS)
        this.lists.clear()
      found = { docs: gaps, weights: weights }
      this.lists.set(number, found)
    }
    return found
  }

  SearchIndex.prototype.idf = function (number) {
    var mentions = this.df(number)
    var about = this.about[number]
    var df = about + MENTION_WEIGHT * (mentions - about)
    var n = this.docs.length
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  // The number of the first term not before `term` (terms are sorted by
  // UTF-16 code units, JavaScript's `<`): the last block whose first term is
  // not after it, then within that block.
  SearchIndex.prototype.lowerBound = function (term) {
    var heads = this.heads
    var lo = 0
    var hi = heads.length
    while (lo < hi) {
      var mid = (lo + hi) >>> 1
      if (heads[mid] <= term)
        lo = mid + 1
      else
        hi = mid
    }
    var block = lo - 1
    if (block < 0)
      return 0
    var terms = this.blockTerms(block)
    lo = 0
    hi = terms.length
    while (lo < hi) {
      var middle = (lo + hi) >>> 1
      if (terms[middle] < term)
        lo = middle + 1
      else
        hi = middle
    }
    return block * this.block + lo
  }

  // The term's number, or undefined.
  SearchIndex.prototype.find = function (term) {
    var i = this.lowerBound(term)
    return i < this.termCount && this.term(i) === term ? i : undefined
  }

  SearchIndex.prototype.expand = function (qt) {
    if (!qt.prefix) {
      var number = this.find(qt.term)
      return number === undefined ? [] : [[number, 1.0]]
    }
    var self = this
    var found = []
    for (var i = this.lowerBound(qt.term); i < this.termCount && this.term(i).startsWith(qt.term); i++)
      found.push(i)
    found.sort(function (a, b) {
      var byDf = self.df(b) - self.df(a)
      return byDf !== 0 ? byDf : a - b
    })
    return found.slice(0, MAX_EXPANSIONS).map(function (i) {
      return [i, self.term(i) === qt.term ? 1.0 : PREFIX_WEIGHT]
    })
  }

  // Index terms one edit away from `qt` that begin with its first letter and
  // that some article is about, as query.py's SearchIndex.near.
  // The one Latin term some article is about whose consonants are `key`, if only one (query.py).
  SearchIndex.prototype.sounding = function (key) {
    if (this.sounds === undefined) {
      this.sounds = new Map()
      for (var i = this.lowerBound("a"), end = this.lowerBound("{"); i < end; i++) {
        var term = this.term(i)
        if (this.about[i] && this.df(i) >= MIN_MENTIONS && term.length >= 3 && /^[a-z]+$/.test(term)) {
          var k = latinConsonants(term)
          if (!this.sounds.has(k))
            this.sounds.set(k, [])
          this.sounds.get(k).push(term)
        }
      }
    }
    var found = this.sounds.get(key) || []
    return found.length === 1 ? [found[0]] : []
  }

  SearchIndex.prototype.near = function (qt, expand) {
    if (expand(qt).length)
      return []
    // Remembered: the worker asks again for the same words (`missing`), and a
    // look one edit away reads every term with the word's first letter.
    var known = this.nearby.get(qt.term)
    if (known !== undefined)
      return known
    if (this.nearby.size >= MAX_NEARBY)
      this.nearby.clear()
    var found = this.nearUncached(qt)
    this.nearby.set(qt.term, found)
    return found
  }

  SearchIndex.prototype.nearUncached = function (qt) {
    var self = this
    var typed = Array.from(qt.term)
    var first = qt.term.charAt(0)
    var end = this.lowerBound(String.fromCharCode(first.charCodeAt(0) + 1))
    var found = []
    for (var i = this.lowerBound(first); i < end; i++) {
      var raw = this.term(i)
      // UTF-16 units are never fewer than code points: most terms are ruled out
      // by their length before they are split into code points.
      if (!this.about[i] || raw.length < typed.length - 1 ||
          (raw.length > typed.length + 1 && !SURROGATE.test(raw)))
        continue
      var term = Array.from(raw)
      if (Math.abs(term.length - typed.length) <= 1 && withinOneEdit(typed, term))
        found.push(i)
    }
    found.sort(function (a, b) {
      var byDf = self.df(b) - self.df(a)
      return byDf !== 0 ? byDf : a - b
    })
    return found.slice(0, MAX_SPELLINGS).map(function (i) { return self.term(i) })
  }

  SearchIndex.prototype.importance = function (clause, expand) {
    var self = this
    var best = 0.0
    clause.alternatives.forEach(function (alt) {
      alt.terms.forEach(function (qt) {
        var number = self.find(qt.term)
        if (number === undefined && alt.derived)
          return
        var expanded = number === undefined && qt.prefix ? expand(qt) : []
        var value
        if (number !== undefined) {
          value = self.idf(number)
        } else if (expanded.length) {
          value = Infinity
          expanded.forEach(function (e) { value = Math.min(value, self.idf(e[0])) })
        } else {
          value = Math.log(1 + (self.docs.length + 0.5) / 0.5)
        }
        best = Math.max(best, value)
      })
    })
    return best * clause.weight
  }

  // The same sums as query.py, over dense arrays (one slot per document)
  // instead of dictionaries: each document sees the same additions in the
  // same order, so the scores are identical, and typing stays fast.
  SearchIndex.prototype.search = function (query, limit) {
    query = fold(query, this.fold)  // Traditional Chinese as the index holds it (traditional.py)
    var hits = this.searchOnce(query, limit)
    if (!hits.length) {
      var spaced = spread(query)
      if (spaced !== normalize(shorten(query)))
        return this.searchOnce(spaced, limit)
    }
    return hits
  }

  // A query's expansions, each looked up once: a query term often recurs
  // (in a clause and its synonyms, or in the search and `missing`).
  SearchIndex.prototype.expander = function () {
    var self = this
    var cache = new Map()
    return function (qt) {
      var key = (qt.prefix ? "*" : "=") + qt.term
      var found = cache.get(key)
      if (found === undefined)
        cache.set(key, found = self.expand(qt))
      return found
    }
  }

  SearchIndex.prototype.clausesFor = function (query, expand) {
    var self = this
    return clauses(query, this.groups, this.stopwords, this.oneway, this.stemmers, this.thesaurus,
      function (term) { return self.find(term) !== undefined },
      function (qt) { return self.near(qt, expand) },
      function (key) { return self.sounding(key) })
  }

  // The words of `query` no article holds, as typed (query.py's missing says which and why).
  SearchIndex.prototype.missing = function (query) {
    query = shorten(query)
    var typed = Array.from(normalize(query))
    var text = Array.from(normalize(fold(query, this.fold)))
    var expand = this.expander()
    var found = []
    this.clausesFor(fold(query, this.fold), expand).forEach(function (clause) {
      var hit = clause.weight === STOP_WEIGHT || clause.alternatives.some(function (alt) {
        return !alt.apart && alt.terms.some(function (qt) { return expand(qt).length > 0 })
      })
      for (var k = 0; k < clause.size; k++)
        found.push(hit)
    })
    if (typed.length !== text.length)
      typed = text
    var out = []
    var position = 0
    segments(text).forEach(function (segment) {
      var start = segment[0]
      var end = segment[1]
      var count = analyze(text.slice(start, end).join("")).filter(function (t) {
        return TERM_KINDS.has(t.kind)
      }).length
      var mine = found.slice(position, position + count)
      position += count
      if (segment[2] === WORD) {
        var word = typed.slice(start, end)
        if (count && mine.indexOf(true) < 0 && word.length > 1 &&
            !word.every(function (c) { return c >= "0" && c <= "9" }))
          out.push(word.join(""))
        return
      }
      var length = end - start
      var held = new Array(length).fill(false)
      mine.forEach(function (hit, k) {
        if (hit) {
          held[k] = true
          held[Math.min(k + 1, length - 1)] = true
        }
      })
      var k = 0
      while (k < length) {
        if (held[k]) {
          k += 1
          continue
        }
        var stop = k
        while (stop < length && !held[stop])
          stop += 1
        if (stop - k >= MIN_MISSING_RUN)
          out.push(typed.slice(start + k, start + stop).join(""))
        k = stop
      }
    })
    return out.filter(function (word, i) { return out.indexOf(word) === i })
  }

  SearchIndex.prototype.searchOnce = function (query, limit) {
    limit = limit === undefined ? 10 : limit
    var self = this
    var n = this.docs.length
    var expand = this.expander()
    var parts = this.clausesFor(query, expand)
    var importance = parts.map(function (c) { return self.importance(c, expand) })
    var whole = 0.0
    importance.forEach(function (v) { whole += v })
    var total = this.scratch.total.fill(0)
    var matched = this.scratch.matched.fill(0)
    var best = this.scratch.best
    var sums = this.scratch.sums
    var scores = this.scratch.scores
    var finals = this.scratch.finals
    parts.forEach(function (clause, c) {
      best.fill(0)
      clause.alternatives.forEach(function (alt) {
        sums.fill(0)
        alt.terms.forEach(function (qt) {
          scores.fill(0)
          expand(qt).forEach(function (entry) {
            var number = entry[0]
            var weight = entry[1]
            var idf = self.idf(number)
            var list = self.postings(number)
            for (var p = 0; p < list.docs.length; p++) {
              var doc = list.docs[p]
              var value = idf * (list.weights[p] / WEIGHT_SCALE) * weight
              if (value > scores[doc])
                scores[doc] = value
            }
          })
          for (var d = 0; d < n; d++)
            if (scores[d] > 0)
              sums[d] = sums[d] + scores[d]
        })
        for (var d2 = 0; d2 < n; d2++) {
          if (sums[d2] > 0) {
            var score = alt.weight * sums[d2] / alt.terms.length * clause.size
            if (score > best[d2])
              best[d2] = score
          }
        }
      })
      for (var d3 = 0; d3 < n; d3++) {
        if (best[d3] > 0) {
          total[d3] = total[d3] + best[d3]
          matched[d3] = matched[d3] + importance[c]
        }
      }
    })
    var ranked = []
    for (var doc = 0; doc < n; doc++) {
      if (total[doc] > 0) {
        var final = total[doc] * matched[doc] / whole
        finals[doc] = Math.floor(final * SCORE_DIGITS + 0.5) / SCORE_DIGITS
        ranked.push(doc)
      }
    }
    ranked.sort(function (a, b) { return finals[b] - finals[a] || a - b })
    return ranked.slice(0, limit).map(function (doc, i) {
      var d = self.docs[doc]
      return {
        rank: i + 1, id: d.id, url: d.url, title: d.title, summary: d.summary,
        fallback: !!d.fallback, score: finals[doc], matched: self.matchedTerms(parts, doc, expand)
      }
    })
  }

  SearchIndex.prototype.matchedTerms = function (parts, doc, expand) {
    var out = []
    var self = this
    parts.forEach(function (clause) {
      clause.alternatives.forEach(function (alt) {
        alt.terms.forEach(function (qt) {
          expand(qt).forEach(function (entry) {
            var docs = self.postings(entry[0]).docs
            var lo = 0
            var hi = docs.length
            while (lo < hi) {
              var mid = (lo + hi) >>> 1
              if (docs[mid] < doc)
                lo = mid + 1
              else
                hi = mid
            }
            var term = self.term(entry[0])
            if (lo < docs.length && docs[lo] === doc && out.indexOf(term) < 0)
              out.push(term)
          })
        })
      })
    })
    return out
  }

  var api = {
    analyze: analyze,
    tokenize: tokenize,
    segments: function (text) { return segments(Array.from(text)) },
    stem: stem,
    charClass: charClass,
    normalize: normalize,
    clauses: clauses,
    latin: latin,
    loanwords: loanwords,
    consonants: consonants,
    latinConsonants: latinConsonants,
    fold: function (text, pairs) { return fold(text, parsePairs(pairs)) },
    fuzzyCandidate: fuzzyCandidate,
    withinOneEdit: function (a, b) { return withinOneEdit(Array.from(a), Array.from(b)) },
    shorten: shorten,
    MAX_QUERY_LENGTH: MAX_QUERY_LENGTH,
    SearchIndex: SearchIndex
  }
  root.hcSearch = api
  if (typeof module !== "undefined" && module.exports)
    module.exports = api
})(typeof self !== "undefined" ? self : this)
