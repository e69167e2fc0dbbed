"""Address formats: is this text an address of that kind, and which coin's contract is it?

A network in ``coins.yml`` names its ``format``; a token network may give its
``contract``, which the registry checks here (a contract one character off sends
readers to a fake token). Search and pages use ``contract_owner`` to say which
coin a pasted contract belongs to.

The browser's ``hc-address.js`` must say the same for every text: both run
``tests/vectors/addresses.json``. So the rules are exact and small:

- Only ASCII whitespace (TAB, LF, VT, FF, CR, SPACE) around the text is trimmed;
  not U+00A0, U+200B or U+FEFF, which JavaScript's ``trim`` would strip: a pasted
  address carrying one is not the address that was copied.
- Every format is plain ASCII, so any other character anywhere refuses the text,
  before any decoder sees it (``base58`` would silently drop trailing Unicode
  spaces, and ``base64`` skips unknown characters unless told not to).
- Mainnet only: a testnet address or a private key is not an address to send to.

Checksums come from maintained libraries, not from code of ours: ``eth-utils``
(EIP-55), ``base58`` (Base58Check, Bitcoin and Ripple alphabets), ``bech32m``
(the BIP-350 reference decoder, which also covers BIP-173: the ``bech32`` package
predates BIP-350 and has its 90-character limit commented out) and the standard
library's ``binascii.crc_hqx(data, 0)``, which is CRC-16/XMODEM, TON's checksum.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

import base58
import bech32m

if TYPE_CHECKING:
    from .registry import Registry

FORMATS = ("evm", "tron", "solana", "bitcoin", "dogecoin", "xrp", "ton")
# How messages name an address of each format.
A_ADDRESS = {"evm": "an EVM address", "tron": "a TRON address", "solana": "a Solana address",
             "bitcoin": "a Bitcoin address", "dogecoin": "a Dogecoin address",
             "xrp": "an XRP Ledger address", "ton": "a TON address"}
# Python's string.whitespace; JavaScript's trim() and \s also take Unicode spaces.
ASCII_WHITESPACE = " \t\n\r\f\v"

_BASE58 = base58.BITCOIN_ALPHABET.decode()
_RIPPLE = base58.XRP_ALPHABET.decode()
_HEX = "0123456789abcdefABCDEF"
_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The characters each format can contain, and its longest form: both checked before
# decoding, so 10 KB of pasted text never reaches base58's quadratic big-number loop.
_ALPHABETS = {
    "evm": _HEX + "x",                # 0x + 40 hex digits
    "tron": _BASE58,                  # 34 characters
    "solana": _BASE58,                # 32 bytes: 32 to 44 characters
    "bitcoin": _ALNUM,                # base58 (1..., 3...) or bech32 (bc1...) in either case
    "dogecoin": _BASE58,
    "xrp": _RIPPLE,                   # 25 to 35 characters
    "ton": _ALNUM + "+/_-:",          # 48 base64/base64url characters, or -1:<64 hex>
}
_LONGEST = {"evm": 42, "tron": 34, "solana": 44, "bitcoin": 90, "dogecoin": 34, "xrp": 35, "ton": 67}

_EVM_RE = re.compile(r"0x[0-9a-fA-F]{40}")
_TON_RAW_RE = re.compile(r"(?:0|-1):[0-9a-fA-F]{64}")
_TON_TAGS = (0x11, 0x51)  # bounceable (E...), non-bounceable (U...): TEP-2
_TON_TESTNET_FLAG = 0x80
_TON_WORKCHAINS = (0x00, 0xFF)  # basechain 0, masterchain -1 (TEP-2: the only two running)
_BITCOIN_VERSIONS = (0x00, 0x05)  # P2PKH (1...), P2SH (3...)
_DOGECOIN_VERSIONS = (0x1E, 0x16)  # P2PKH (D...), P2SH (9... or A...)
_CHECKSUM = "the checksum does not match: a character is wrong, missing or extra"


def trim(text: str) -> str:
    """The text as compared: surrounding ASCII whitespace removed, nothing else."""
    return text.strip(ASCII_WHITESPACE)


def fits(format: str, text: str) -> bool:
    """Whether ``text`` (trimmed) is a well-formed mainnet address of ``format``, checksum included."""
    return why_not(format, text) is None


def why_not(format: str, text: str) -> str | None:
    """Why ``text`` is not a ``format`` address, as the end of a sentence; None when it is one.

    Raises ValueError for a format that is not in FORMATS: that is a bug of the
    caller (the registry reports a wrong `format:` with its line first).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown address format {format!r}; expected one of {', '.join(FORMATS)}")
    text = trim(text)
    if not text:
        return "it is empty"
    # Characters first: a zero-width space is the finding, not the length it adds.
    for position, char in enumerate(text, start=1):
        if char not in _ALPHABETS[format]:
            return f"it contains {_name(char)} at position {position}, which {A_ADDRESS[format]} never has"
    if len(text) > _LONGEST[format]:
        return f"it is {len(text)} characters long; {A_ADDRESS[format]} has at most {_LONGEST[format]}"
    return _CHECKS[format](text)


def _name(char: str) -> str:
    """`"O"` for a visible ASCII character, else its code point and name (U+200B ZERO WIDTH SPACE)."""
    if " " < char < "\x7f":
        return f'"{char}"'
    name = unicodedata.name(char, "") or ("a control character" if unicodedata.category(char) == "Cc" else "")
    return f"U+{ord(char):04X} {name}".rstrip()


def _evm(text: str) -> str | None:
    if not text.startswith("0x"):
        return "an EVM address starts with 0x"
    if len(text) != 42:
        return f"an EVM address is 0x and 40 hexadecimal digits; this has {len(text) - 2} after 0x"
    if not _EVM_RE.fullmatch(text):
        return "an EVM address has only hexadecimal digits after 0x"
    letters = [c for c in text[2:] if c.isalpha()]
    if all(c.islower() for c in letters) or all(c.isupper() for c in letters):
        return None  # one case throughout carries no checksum (EIP-55); it is still the address
    # eth-utils takes 0.18 s to import (it loads pydantic): only mixed case needs it.
    from eth_utils import is_checksum_address, to_checksum_address

    if is_checksum_address(text):
        return None
    return f"the EIP-55 checksum does not match; the correctly checksummed form is {to_checksum_address(text)}"


def _base58check(text: str, alphabet: bytes) -> bytes | None:
    """The payload, or None when the 4-byte double-SHA-256 checksum does not match."""
    try:
        return base58.b58decode_check(text, alphabet=alphabet)
    except ValueError:
        return None


def _tron(text: str) -> str | None:
    payload = _base58check(text, base58.BITCOIN_ALPHABET)
    if payload is None:
        return _CHECKSUM
    if len(payload) != 21 or payload[0] != 0x41:
        return "this is not a TRON address: a TRON address starts with T (21 bytes, the first 0x41)"
    return None


def _solana(text: str) -> str | None:
    size = len(base58.b58decode(text))
    if size != 32:
        return f"a Solana address is 32 bytes in base58; this is {size} bytes"
    return None


def _bitcoin(text: str) -> str | None:
    if text.lower().startswith("bc1"):
        try:
            bech32m.decode("bc", text)
        except bech32m.DecodeError:
            return ("this is not a valid bc1 address (BIP-173, BIP-350): a character is wrong, missing "
                    "or extra, or upper and lower case are mixed")
        return None
    if any(c not in _BASE58 for c in text):
        return "this is not a Bitcoin mainnet address: they start with 1, 3 or bc1"
    payload = _base58check(text, base58.BITCOIN_ALPHABET)
    if payload is None:
        return _CHECKSUM
    if len(payload) != 21 or payload[0] not in _BITCOIN_VERSIONS:
        return "this is not a Bitcoin mainnet address: they start with 1, 3 or bc1"
    return None


def _dogecoin(text: str) -> str | None:
    payload = _base58check(text, base58.BITCOIN_ALPHABET)
    if payload is None:
        return _CHECKSUM
    if len(payload) != 21 or payload[0] not in _DOGECOIN_VERSIONS:
        return "this is not a Dogecoin mainnet address: they start with D, 9 or A"
    return None


def _xrp(text: str) -> str | None:
    payload = _base58check(text, base58.XRP_ALPHABET)
    if payload is None:
        return _CHECKSUM
    if len(payload) != 21 or payload[0] != 0x00:
        return "this is not an XRP Ledger account address: they start with r (21 bytes, the first 0x00)"
    return None


def _ton(text: str) -> str | None:
    if ":" in text:
        if _TON_RAW_RE.fullmatch(text):
            return None
        return "a raw TON address is 0: or -1: and 64 hexadecimal digits"
    if len(text) != 48:
        return f"a TON address is 48 characters (or raw, 0:<64 hex>); this is {len(text)}"
    # Either base64 alphabet, as @ton/core's Address.parseFriendly accepts.
    data = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    if binascii.crc_hqx(data[:34], 0) != int.from_bytes(data[34:], "big"):
        return _CHECKSUM
    if data[0] & _TON_TESTNET_FLAG:
        return "this is a testnet-only TON address (it starts with k or 0); mainnet ones start with E or U"
    if data[0] not in _TON_TAGS or data[1] not in _TON_WORKCHAINS:
        return "this is not a TON address: they start with E or U (TEP-2)"
    return None


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "evm": _evm, "tron": _tron, "solana": _solana, "bitcoin": _bitcoin, "dogecoin": _dogecoin,
    "xrp": _xrp, "ton": _ton,
}


def same_address(format: str, one: str, other: str) -> bool:
    """Whether two texts name the same address: EVM letters in any case, others exactly."""
    one, other = trim(one), trim(other)
    return one.lower() == other.lower() if format == "evm" else one == other


def contract_owner(registry: Registry, text: str) -> tuple[str, str] | None:
    """(coin symbol, network id) whose `contract:` is ``text`` pasted whole, or None.

    EVM is compared in any letter case (the same contract, checksummed or not);
    base58 and base64 forms exactly, since their case is part of the value.
    """
    if not trim(text):
        return None
    for symbol, coin in registry.coins.items():
        for network in coin.networks:
            if network.contract and same_address(network.format, network.contract, text):
                return symbol, network.id
    return None
