// Does a pasted text fit a network's address format? The browser's copy of
// helpcentre.content.addresses.fits: the same formats, the same answers, on
// the same shared vectors (tests/vectors/addresses.json, run in Chromium by
// tests/test_address_js.py). Format and checksum only: a text that fits can
// still be somebody else's address.
//
// The encodings and hashes are the audited libraries @noble/hashes and
// @scure/base, pinned in package.json and copied unchanged into
// assets/vendor/ (the site builds and runs offline, with no Node step at
// build time; tests/test_address_js.py fails when a copy differs from
// node_modules, so an upgrade is `npm install --save-exact`, then copy).
//
// No DOM here: hc-address-ui.js wires this into pages.

import { keccak_256 } from "../vendor/@noble/hashes/sha3.js"
import { sha256 } from "../vendor/@noble/hashes/sha2.js"
import { base58, base58xrp, base64nopad, bech32, bech32m, createBase58check } from "../vendor/@scure/base/index.js"

export const FORMATS = ["evm", "tron", "solana", "bitcoin", "dogecoin", "xrp", "ton"]

// Python's string.whitespace: only these are trimmed around the text. Not
// String.prototype.trim, which also strips U+00A0, U+FEFF and other Unicode
// spaces: a pasted address carrying one is not the address that was copied.
const ASCII_SPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
const RIPPLE = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
const HEX = "0123456789abcdefABCDEF"
const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
// The characters each format can contain and its longest form, checked before
// any decoding (as in the Python): every format is plain ASCII, so any other
// character refuses the text, and 10 KB of pasted text never reaches base58's
// quadratic big-number loop.
const ALPHABETS = {
  evm: HEX + "x", tron: BASE58, solana: BASE58, bitcoin: ALNUM, dogecoin: BASE58, xrp: RIPPLE,
  ton: ALNUM + "+/_-:",
}
const LONGEST = { evm: 42, tron: 34, solana: 44, bitcoin: 90, dogecoin: 34, xrp: 35, ton: 67 }
const EVM = /^0x[0-9a-fA-F]{40}$/
const TON_RAW = /^(?:0|-1):[0-9a-fA-F]{64}$/
const TON_TAGS = [0x11, 0x51]  // bounceable, non-bounceable (TEP-2); a testnet flag (0x80) does not fit
const TON_WORKCHAINS = [0x00, 0xff]  // basechain 0, masterchain -1
const base58check = createBase58check(sha256)

// Every decoder used here throws on what it cannot read (a bad character, a
// wrong checksum, odd padding): any throw means "does not fit".
function attempt(check) {
  try {
    return check() === true
  } catch (error) {
    return false
  }
}

function hexOf(bytes) {
  return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0") }).join("")
}

// EIP-55: an address with its letters in one case carries no checksum (and is
// still the address); a mixed-case one must have each letter's case set by the
// Keccak-256 hash of the lowercase hex.
function evm(text) {
  if (!EVM.test(text)) return false
  var body = text.slice(2)
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true
  var hash = hexOf(keccak_256(new TextEncoder().encode(body.toLowerCase())))
  for (var i = 0; i < 40; i++) {
    var c = body[i]
    if (c >= "0" && c <= "9") continue
    if ((parseInt(hash[i], 16) >= 8) !== (c === c.toUpperCase())) return false
  }
  return true
}

// Base58Check (double SHA-256) with a one-byte version: 21 bytes once the 4-byte checksum is checked.
function versioned(text, versions) {
  var payload = base58check.decode(text)
  return payload.length === 21 && versions.indexOf(payload[0]) !== -1
}

function tron(text) {
  return versioned(text, [0x41])
}

// An ed25519 public key (or a program address): any 32 bytes, no checksum.
function solana(text) {
  return base58.decode(text).length === 32
}

// BIP-173 / BIP-350, as their reference decoder: human-readable part "bc",
// witness version 0 in bech32 with a 20- or 32-byte program, versions 1 to 16
// in bech32m with 2 to 40 bytes; one letter case throughout.
function segwit(text) {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false
  var lower = text.toLowerCase()
  var decoded = bech32.decodeUnsafe(lower, 90)
  var coder = bech32
  if (!decoded) {
    decoded = bech32m.decodeUnsafe(lower, 90)
    coder = bech32m
  }
  if (!decoded || decoded.prefix !== "bc" || decoded.words.length < 1) return false
  var version = decoded.words[0]
  var program = coder.fromWords(decoded.words.slice(1))
  if (program.length < 2 || program.length > 40 || version > 16) return false
  if (version === 0 && program.length !== 20 && program.length !== 32) return false
  return version === 0 ? coder === bech32 : coder === bech32m
}

function bitcoin(text) {
  if (text.toLowerCase().indexOf("bc1") === 0) return segwit(text)
  for (var i = 0; i < text.length; i++) if (BASE58.indexOf(text[i]) === -1) return false
  return versioned(text, [0x00, 0x05])  // P2PKH (1...), P2SH (3...)
}

function dogecoin(text) {
  return versioned(text, [0x1e, 0x16])  // P2PKH (D...), P2SH (9... or A...)
}

// XRP Ledger account address: Ripple's own base58 alphabet, version 0, the
// same double-SHA-256 checksum as Base58Check (checked with @noble's sha256).
function xrp(text) {
  var data = base58xrp.decode(text)
  if (data.length < 5) return false
  var payload = data.slice(0, -4)
  var sum = sha256(sha256(payload))
  for (var i = 0; i < 4; i++) if (sum[i] !== data[data.length - 4 + i]) return false
  return payload.length === 21 && payload[0] === 0x00
}

// CRC-16/XMODEM (polynomial 0x1021, initial value 0, no reflection), which the
// TON address format uses. Neither @noble/hashes nor @scure/base has it, so it
// is written here from the standard definition; the check value of
// "123456789" is 0x31C3 (tests/test_address_js.py checks it).
export function crc16xmodem(bytes) {
  var crc = 0
  for (var i = 0; i < bytes.length; i++) {
    crc ^= bytes[i] << 8
    for (var bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

// A TON address: raw ("0:" or "-1:" and 64 hex digits), or user-friendly
// (TEP-2): 36 bytes in base64 or base64url, or a mix, as @ton/core reads them
// (48 characters): flags (0x11 bounceable, 0x51 non-bounceable), workchain (0
// or -1), the 32-byte account id, then CRC-16/XMODEM of those 34 bytes.
function ton(text) {
  if (text.indexOf(":") !== -1) return TON_RAW.test(text)
  if (text.length !== 48) return false
  var data = base64nopad.decode(text.replace(/-/g, "+").replace(/_/g, "/"))
  if (data.length !== 36 || crc16xmodem(data.slice(0, 34)) !== ((data[34] << 8) | data[35])) return false
  return TON_TAGS.indexOf(data[0]) !== -1 && TON_WORKCHAINS.indexOf(data[1]) !== -1
}

const CHECKS = { evm: evm, tron: tron, solana: solana, bitcoin: bitcoin, dogecoin: dogecoin, xrp: xrp, ton: ton }

// The pasted text without the ASCII white space around it. Nothing else is
// removed: a zero-width or other invisible character inside means it does not fit.
export function trim(text) {
  return String(text).replace(ASCII_SPACE, "")
}

// Whether text (trimmed) is a well-formed mainnet address of format, checksum
// included. Never throws: any text, of any length, gets true or false.
export function fits(format, text) {
  if (typeof text !== "string" || !Object.prototype.hasOwnProperty.call(CHECKS, format)) return false
  var trimmed = trim(text)
  if (trimmed.length === 0 || trimmed.length > LONGEST[format]) return false
  for (var i = 0; i < trimmed.length; i++) if (ALPHABETS[format].indexOf(trimmed[i]) === -1) return false
  return attempt(function () { return CHECKS[format](trimmed) })
}

// Every format the text fits, in FORMATS order.
export function fitting(text) {
  return FORMATS.filter(function (format) { return fits(format, text) })
}

// Whether two texts name the same address, as helpcentre.content.addresses.same_address:
// EVM letters in any case (the same contract, checksummed or not), others
// exactly, since the case of a base58 or base64 letter is part of the value.
export function sameAddress(format, one, other) {
  var a = trim(one)
  var b = trim(other)
  return format === "evm" ? a.toLowerCase() === b.toLowerCase() : a === b
}

// Text with characters nobody sees (zero-width and other format characters,
// unusual spaces): worth telling the reader, who can copy the address again.
export function hasInvisible(text) {
  return /[\u00a0\u00ad\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/.test(String(text))
}
