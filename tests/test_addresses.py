"""Address formats (issue 15): the shared vectors, the registry's `format` and `contract`, and
which coin a pasted contract belongs to.

tests/vectors/addresses.json is shared with overrides/assets/javascripts/hc-address.js:
each entry is {"format", "text", "fits", "why"} and means `fits(format, text) == fits`,
where only ASCII whitespace (TAB, LF, VT, FF, CR, SPACE) around the text is trimmed.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, SAMPLE_ARTICLES, TODAY, write_site
from helpcentre.cli import main
from helpcentre.content.addresses import FORMATS, contract_owner, fits, why_not
from helpcentre.content.project import load_project
from helpcentre.content.registry import Registry, load_registry

VECTORS: list[dict[str, Any]] = json.loads((REPO / "tests/vectors/addresses.json").read_text(encoding="utf-8"))
COINS = "content/_data/coins.yml"
# The contracts issue 15 asked for, as Tether and Circle publish them.
CONTRACTS = {
    ("USDT", "ERC20"): "0xdAC17F958D2ee523a2206206994597C13D831ec7",
    ("USDT", "TRC20"): "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    ("USDT", "SOL"): "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB",
    ("USDT", "TON"): "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs",
    ("USDC", "ERC20"): "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    ("USDC", "SOL"): "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
}


# -- the shared vectors ------------------------------------------------------------

def test_the_vectors_are_simple_and_sourced() -> None:
    """Plain JSON another language can run: four keys, known formats, a reason for each."""
    assert len(VECTORS) >= 60
    for vector in VECTORS:
        assert set(vector) == {"format", "text", "fits", "why"}, vector
        assert vector["format"] in FORMATS and isinstance(vector["text"], str), vector
        assert isinstance(vector["fits"], bool) and vector["why"].strip(), vector
    assert len({(v["format"], v["text"]) for v in VECTORS}) == len(VECTORS), "a vector is listed twice"
    for fmt in FORMATS:  # every format has addresses that fit and texts that do not
        assert {v["fits"] for v in VECTORS if v["format"] == fmt} == {True, False}, fmt


@pytest.mark.parametrize("vector", VECTORS, ids=[f"{i}-{v['format']}" for i, v in enumerate(VECTORS)])
def test_every_vector(vector: dict[str, Any]) -> None:
    assert fits(vector["format"], vector["text"]) is vector["fits"], vector["why"]
    assert (why_not(vector["format"], vector["text"]) is None) is vector["fits"]


@pytest.mark.parametrize(("fmt", "text", "message"), [
    ("evm", "0xdac17F958D2ee523a2206206994597C13D831ec7",
     "the EIP-55 checksum does not match; the correctly checksummed form is "
     "0xdAC17F958D2ee523a2206206994597C13D831ec7"),
    ("evm", "0xdAC17F958D2ee523\u200b2206206994597C13D831ec7",
     "it contains U+200B ZERO WIDTH SPACE at position 19, which an EVM address never has"),
    ("evm", "0xdAC17F958D2ee523a2206206994597C13D831ec", "an EVM address is 0x and 40 hexadecimal digits; "
                                                       "this has 39 after 0x"),
    ("evm", "dAC17F958D2ee523a2206206994597C13D831ec7", "an EVM address starts with 0x"),
    ("evm", "0xdAC17F958D2ee523a2206206994597C13D831ex7", "an EVM address has only hexadecimal digits after 0x"),
    ("evm", "\u00a0", "it contains U+00A0 NO-BREAK SPACE at position 1, which an EVM address never has"),
    ("evm", "\x7f", "it contains U+007F a control character at position 1, which an EVM address never has"),
    ("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",
     "the checksum does not match: a character is wrong, missing or extra"),
    ("tron", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
     "this is not a TRON address: a TRON address starts with T (21 bytes, the first 0x41)"),
    ("solana", "1111111111111111111111111111111", "a Solana address is 32 bytes in base58; this is 31 bytes"),
    ("solana", "1" * 10240, "it is 10240 characters long; a Solana address has at most 44"),
    ("bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
     "this is not a valid bc1 address (BIP-173, BIP-350): a character is wrong, missing or extra, or upper "
     "and lower case are mixed"),
    ("bitcoin", "mzK2FFDEhxqHcmrJw1ysqFkVyhUULo45hZ",
     "this is not a Bitcoin mainnet address: they start with 1, 3 or bc1"),
    ("dogecoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
     "this is not a Dogecoin mainnet address: they start with D, 9 or A"),
    ("xrp", "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
     "the checksum does not match: a character is wrong, missing or extra"),
    ("ton", "kQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPgpP",
     "this is a testnet-only TON address (it starts with k or 0); mainnet ones start with E or U"),
    ("ton", "Pubjns2gp7DGCnEH7EOWeCnb6Lw1akm538YYaz6sdLVHfRB2",
     "this is not a TON address: they start with E or U (TEP-2)"),
    ("ton", "1:" + "0" * 64, "a raw TON address is 0: or -1: and 64 hexadecimal digits"),
    ("ton", "EQDKbjIcfM6ezt8KjKJJLshZ", "a TON address is 48 characters (or raw, 0:<64 hex>); this is 24"),
    ("ton", " \t\r\n", "it is empty"),
])
def test_why_not_says_what_is_wrong(fmt: str, text: str, message: str) -> None:
    assert why_not(fmt, text) == message


# Text near real addresses: their own characters, with some of anything else mixed in.
NEAR_ADDRESSES = st.text(st.sampled_from("0123456789abcdefxABCDEFTrbcqpzl:-_+/ \t\u200b\u00a0\u0430"), max_size=70)


@settings(max_examples=300, deadline=None)
@given(fmt=st.sampled_from(FORMATS), text=st.one_of(NEAR_ADDRESSES, st.text(max_size=120)))
def test_any_text_gets_an_answer_never_an_exception(fmt: str, text: str) -> None:
    """Decoders raise on bad input; every such case must become a reason, not a crash."""
    reason = why_not(fmt, text)
    assert reason is None or (reason and reason[0].islower() and not reason.endswith("."))


def test_an_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="^unknown address format 'eth'; expected one of evm, tron, solana, "
                                         "bitcoin, dogecoin, xrp, ton$"):
        fits("eth", "0xdAC17F958D2ee523a2206206994597C13D831ec7")


# -- the registry: `format` and `contract` in coins.yml ----------------------------------

def run_check(root: Path, rel: str = COINS) -> tuple[int, str]:
    """`helpcentre check` reporting on one file of the fixture site."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--root", str(root), "--today", TODAY, str(root / rel)])
    return code, out.getvalue()


def report(*lines: str) -> tuple[int, str]:
    """What `check` prints for errors in coins.yml: exit code 1 and the exact lines."""
    summary = f"{len(lines)} error{'s' if len(lines) != 1 else ''}, 0 warnings in 1 file\n"
    return 1, "".join(f"{COINS}:{line}\n" for line in lines) + summary


@pytest.fixture
def site(tmp_path: Path) -> Callable[[], Path]:
    def make() -> Path:
        root = write_site(tmp_path / "site", SAMPLE_ARTICLES)
        # Optional, and it names coins the small registries below leave out.
        (root / "content/_data/status.yml").unlink(missing_ok=True)
        return root
    return make


USDT = """\
- symbol: USDT
  name: {en: Tether USD}
  networks:
    - {id: ERC20, name: Ethereum (ERC20), format: evm, confirmations: 64, example_fee: "4", example_min: "20",
       memo: false, explorer: https://etherscan.io/, contract: "0xdAC17F958D2ee523a2206206994597C13D831ec7"}
    - id: TRC20
      name: TRON (TRC20)
      format: tron
      confirmations: 20
      example_fee: "1"
      example_min: "10"
      memo: false
      explorer: https://tronscan.org/
      contract: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
  reviewed: 2026-11-20
"""
ERC20 = "coin `USDT`, network `ERC20`"
TRC20 = "coin `USDT`, network `TRC20`"
FORMAT_LIST = "expected one of evm, tron, solana, bitcoin, dogecoin, xrp, ton"
REGISTRY_CASES: dict[str, tuple[str, str, list[str]]] = {
    "a misspelt format": ("format: evm,", "format: evn,", [
        f'4: error: {ERC20}: `format`: text "evn" is not a known address format; {FORMAT_LIST}; did you mean `evm`?']),
    "a format that is nothing like one": ("format: evm,", "format: hex,", [
        f'4: error: {ERC20}: `format`: text "hex" is not a known address format; {FORMAT_LIST}']),
    "a format that is a list": ("format: tron\n", "format: [tron]\n", [
        f"8: error: {TRC20}: `format`: a list is not a known address format; {FORMAT_LIST}; did you mean "
        "`tron`?"]),
    "a network without a format": (" format: evm,", "", [
        "4: error: coin `USDT`: a network is missing `format`; each network needs all of them, like "
        '`- {id: TRC20, name: TRON (TRC20), format: tron, confirmations: 20, example_fee: "1", '
        'example_min: "10", memo: false, explorer: https://tronscan.org/}`']),
    "an EVM contract whose EIP-55 checksum fails": ("0xdAC17F958D2ee523", "0xdAC17F958D2eE523", [
        f'5: error: {ERC20}: `contract`: "0xdAC17F958D2eE523a2206206994597C13D831ec7" is not an EVM address '
        "(`format: evm`): the EIP-55 checksum does not match; the correctly checksummed form is "
        "0xdAC17F958D2ee523a2206206994597C13D831ec7"]),
    "an EVM contract without quotes": ('contract: "0xdAC17F958D2ee523a2206206994597C13D831ec7"',
                                       "contract: 0xdAC17F958D2ee523a2206206994597C13D831ec7", [
        f"5: error: {ERC20}: `contract`: write the address in quotes, like "
        '`contract: "0xdAC17F958D2ee523a2206206994597C13D831ec7"`; without them YAML reads it as a number']),
    "an EVM contract one digit short": ('831ec7"}', '831ec"}', [
        f'5: error: {ERC20}: `contract`: "0xdAC17F958D2ee523a2206206994597C13D831ec" is not an EVM address '
        "(`format: evm`): an EVM address is 0x and 40 hexadecimal digits; this has 39 after 0x"]),
    "a contract with a zero-width space": ("0xdAC17F958D2ee523", "0xdAC17F958D2ee523\u200b", [
        f'5: error: {ERC20}: `contract`: "0xdAC17F958D2ee523\u200ba2206206994597C13D831ec7" is not an EVM '
        "address (`format: evm`): it contains U+200B ZERO WIDTH SPACE at position 19, which an EVM address "
        "never has"]),
    "a contract that is a list": ('contract: "0xdAC17F958D2ee523a2206206994597C13D831ec7"',
                                  "contract: [0xdAC17F958D2ee523a2206206994597C13D831ec7]", [
        f"5: error: {ERC20}: `contract`: expected the token's contract address in quotes, found a list"]),
    "a TRON contract one character off (on its own line)": ("gjLj6t", "gjLj6u", [
        f'14: error: {TRC20}: `contract`: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u" is not a TRON address '
        "(`format: tron`): the checksum does not match: a character is wrong, missing or extra"]),
    "a contract of another format": ('contract: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"',
                                     'contract: "0xdAC17F958D2ee523a2206206994597C13D831ec7"', [
        f'14: error: {TRC20}: `contract`: "0xdAC17F958D2ee523a2206206994597C13D831ec7" is not a TRON '
        'address (`format: tron`): it contains "0" at position 1, which a TRON address never has']),
    "a wrong format is reported once, not again for the contract": ("format: tron", "format: tronn", [
        f'8: error: {TRC20}: `format`: text "tronn" is not a known address format; {FORMAT_LIST}; '
        "did you mean `tron`?"]),
}


@pytest.mark.parametrize("case", list(REGISTRY_CASES))
def test_registry_format_and_contract_problems(site: Callable[[], Path], case: str) -> None:
    old, new, lines = REGISTRY_CASES[case]
    assert old in USDT
    root = site()
    (root / COINS).write_text(USDT.replace(old, new, 1), encoding="utf-8")
    assert run_check(root) == report(*lines)


def test_the_registry_reads_format_and_contract(site: Callable[[], Path]) -> None:
    root = site()
    (root / COINS).write_text(USDT.replace("format: evm,", "format: EVM,").replace(
        '"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"', '"  TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t "'), encoding="utf-8")
    erc20, trc20 = load_registry(load_project(root)).coins["USDT"].networks
    assert (erc20.format, erc20.contract) == ("evm", "0xdAC17F958D2ee523a2206206994597C13D831ec7")
    assert (trc20.format, trc20.contract) == ("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")


def test_a_wrong_contract_in_the_real_registry_names_its_line(site: Callable[[], Path]) -> None:
    """The repository's coins.yml, copied and broken by one letter, as a writer would."""
    root = site()
    path = root / COINS
    text = path.read_text(encoding="utf-8")
    good, bad = CONTRACTS[("USDC", "ERC20")], "0xA0b86991c6218b36c1d19d4a2e9Eb0cE3606eB48"
    assert text.count(good) == 1
    line = text[:text.index(good)].count("\n") + 1
    path.write_text(text.replace(good, bad), encoding="utf-8")
    assert run_check(root) == report(
        f'{line}: error: coin `USDC`, network `ERC20`: `contract`: "{bad}" is not an EVM address '
        f"(`format: evm`): the EIP-55 checksum does not match; the correctly checksummed form is {good}")


# -- the repository's own registry -------------------------------------------------------

@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(load_project(REPO))


def test_the_repository_registry_passes(site: Callable[[], Path], registry: Registry) -> None:
    assert run_check(site()) == (0, "no problems in 1 file\n")
    for coin in registry.coins.values():
        for network in coin.networks:
            assert network.format in FORMATS
            assert network.contract is None or fits(network.format, network.contract)
    found = {(symbol, n.id): n.contract for symbol, coin in registry.coins.items()
             for n in coin.networks if n.contract}
    assert found == CONTRACTS


# -- which coin a pasted contract is ------------------------------------------------------

@pytest.mark.parametrize(("text", "owner"), [
    ("0xdAC17F958D2ee523a2206206994597C13D831ec7", ("USDT", "ERC20")),
    ("0xdac17f958d2ee523a2206206994597c13d831ec7", ("USDT", "ERC20")),
    ("0xDAC17F958D2EE523A2206206994597C13D831EC7", ("USDT", "ERC20")),
    ("  0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48\n", ("USDC", "ERC20")),
    ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", ("USDT", "TRC20")),
    ("\tEPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v ", ("USDC", "SOL")),
    ("EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs", ("USDT", "TON")),
    # base58 and base64 are case-sensitive: another case is another value
    ("tr7nhqjekqxgtci8q8zy4pl8otszgjlj6t", None),
    ("es9vmfrzacerMjfrf4h2fyd4kconky11mcce8benwnyb", None),
    ("EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDS", None),
    # not the whole contract, or not only it
    ("0xdAC17F958D2ee523a2206206994597C13D831ec", None),
    ("USDT 0xdAC17F958D2ee523a2206206994597C13D831ec7", None),
    ("0xdAC17F958D2ee523a2206206994597C13D831ec7\u200b", None),
    ("0xdAC17F958D2ee523a2206206994597C13D831ec7\u00a0", None),
    ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", None),
    ("", None),
    (" \n", None),
])
def test_contract_owner(registry: Registry, text: str, owner: tuple[str, str] | None) -> None:
    assert contract_owner(registry, text) == owner
