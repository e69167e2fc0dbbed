"""Network status (issue 15): notices with `status:`, content/_data/status.yml, the
status pages, the network tables and /status.json, and what `check` says about them."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY, build_site, write_site
from helpcentre.cli import main

NOTICE = """---
title: TRX deposits and withdrawals suspended
type: notice
coins: [TRX, USDT]
networks: [TRC20]
services: [deposit, withdrawal]
status: suspended
reviewed: 2026-11-18
owner: "@kestrel/communications"
expires: 2026-12-10
---
Suspended during the upgrade.
"""
ARTICLE = """---
title: Set up 2FA
type: guide
reviewed: 2026-11-10
owner: "@kestrel/security"
---
Body.
"""
ARTICLES = {"en/announcements/trx-network-upgrade.md": NOTICE, "en/security/set-up-2fa.md": ARTICLE}
ENTRY = """- coin: ETH
  network: ARB
  services: [withdrawal]
  state: delayed
  since: 2026-11-20
  review: 2026-12-20
  reason: {en: Withdrawals are sent in batches., zh: 提现分批发出。}
"""


def site_with(tmp_path: Path, status_yml: str | None = ENTRY, articles: dict[str, str] | None = None) -> Path:
    root = write_site(tmp_path / "site", ARTICLES if articles is None else articles)
    target = root / "content" / "_data" / "status.yml"
    if status_yml is None:
        target.unlink(missing_ok=True)
    else:
        target.write_text(status_yml, encoding="utf-8")
    return root


def check(root: Path, today: str = TODAY) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--root", str(root), "--today", today])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(site_with(tmp_path_factory.mktemp("status")))


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def states(html: str) -> dict[str, str]:
    """network id -> the data-hc-status of its row on the status page."""
    return dict(re.findall(r'data-hc-network="([A-Z0-9]+)">.*?data-hc-status="([^"]*)"', html, flags=re.S))


def test_the_status_page_lists_every_network_and_their_state(built: Path) -> None:
    status = page(built, "status/")
    rows = status.count("data-hc-network=")
    registry_networks = sum(len(c["networks"]) for c in yaml.safe_load(
        (REPO / "content/_data/coins.yml").read_text(encoding="utf-8")))
    assert rows == registry_networks
    found = states(status)
    assert found["TRC20"] == "deposit:suspended withdrawal:suspended"
    assert found["ARB"] == "withdrawal:delayed"
    assert found["BTC"] == ""
    assert "3 networks are not working normally." in status  # TRC20 of USDT and of TRX, and ARB
    zh = page(built, "zh/status/")
    assert "提现：有延迟" in zh and "提现分批发出。" in zh


def test_coin_page_rows_and_home_show_the_state(built: Path) -> None:
    usdt = page(built, "coins/usdt/")
    assert 'data-hc-status="deposit:suspended withdrawal:suspended"' in usdt
    assert '<a href="../../announcements/trx-network-upgrade/">Withdrawals: suspended</a>' in usdt
    assert "Network status: 3 networks affected" in page(built, "")


def test_status_json_follows_its_schema(built: Path) -> None:
    import jsonschema

    document = json.loads((built / "status.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "schemas" / "status.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    trc20 = next(n for n in document["networks"] if n["coin"] == "TRX")
    assert trc20["withdrawal"] == {
        "state": "suspended", "since": "2026-11-18", "until": "2026-12-10", "review": None,
        "reason": {"en": "TRX deposits and withdrawals suspended"},
        "notice": "https://help.kestrel.example/announcements/trx-network-upgrade/"}
    arb = next(n for n in document["networks"] if n["network"] == "ARB")
    assert arb["withdrawal"]["reason"] == {"en": "Withdrawals are sent in batches.", "zh": "提现分批发出。"}
    assert arb["deposit"]["state"] == "normal"


def test_the_notices_expiry_restores_normal(tmp_path: Path) -> None:
    site = build_site(site_with(tmp_path, status_yml=None), today="2026-12-11")
    assert states(page(site, "status/"))["TRC20"] == ""
    document = json.loads((site / "status.json").read_text(encoding="utf-8"))
    assert all(n[s]["state"] == "normal" for n in document["networks"] for s in ("deposit", "withdrawal"))


def line_of(root: Path, text: str) -> int:
    lines = (root / "content/_data/status.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


@pytest.mark.parametrize(("change", "at", "message"), [
    (("coin: ETH", "coin: ETC"), "- coin", '`coin`: "ETC" is not a known coin; did you mean ETH or BTC? '
                                           "Coins are listed in content/_data/coins.yml"),
    (("network: ARB", "network: ARBI"), "  network", '`network`: "ARBI" is not a network of ETH; did you '
                                                     "mean ARB? ETH has ERC20, ARB"),
    (("state: delayed", "state: slow"), "  state", "`state`: expected delayed or suspended, found text "
                                                   '"slow" (normal is no entry: delete the entry instead)'),
    (("  review: 2026-12-20\n", ""), "- coin", "with no expected end (`until`), it needs `review:`, the day "
                                              "someone checks it again, like `review: 2026-12-08`"),
    (("review: 2026-12-20", "review: 2026-11-01"), "  review", "`review`: 2026-11-01 is before `since` "
                                                               "2026-11-20; check the dates"),
    (("services: [withdrawal]", "services: [trading]"), "  services",
     "`services`: expected [deposit], [withdrawal] or [deposit, withdrawal]; found a list"),
])
def test_a_bad_status_entry_is_an_error_with_line(tmp_path: Path, change: tuple[str, str], at: str,
                                                   message: str) -> None:
    root = site_with(tmp_path, ENTRY.replace(*change))
    code, out = check(root)
    assert code == 1
    assert f"content/_data/status.yml:{line_of(root, at)}: error: status: {message}" in out


def test_a_passed_review_fails_check(tmp_path: Path) -> None:
    root = site_with(tmp_path)
    code, out = check(root, "2026-12-21")
    assert code == 1
    assert ("content/_data/status.yml:1: error: status: the review of ETH on ARB was due on 2026-12-20; "
            "check the network, then delete the entry if it is back to normal or set the next `review:` "
            "date") in out


def test_a_status_that_contradicts_a_notice_fails_check(tmp_path: Path) -> None:
    entry = ENTRY.replace("coin: ETH", "coin: TRX").replace("network: ARB", "network: TRC20")
    root = site_with(tmp_path, entry)
    code, out = check(root)
    assert code == 1
    assert ("content/_data/status.yml:1: error: status: says TRX withdrawals on TRC20 are delayed, but the "
            "current notice content/en/announcements/trx-network-upgrade.md says suspended; keep one of them "
            "(the notice's `status:` ends with the notice)") in out


def test_an_ended_entry_is_a_warning(tmp_path: Path) -> None:
    root = site_with(tmp_path, ENTRY.replace("  review: 2026-12-20\n", "  until: 2026-11-21\n"))
    code, out = check(root)
    assert code == 0
    assert ("content/_data/status.yml:1: warning: status: ETH on ARB was expected to end on 2026-11-21; "
            "if it is back to normal, delete this entry, else set a new `until:` or a `review:` date") in out


@pytest.mark.parametrize(("front", "message"), [
    (ARTICLE.replace("type: guide", "type: guide\nstatus: suspended"),
     "`status`: only a notice changes a network's status (it ends when the notice expires); use "
     "`type: notice`, or content/_data/status.yml"),
    (NOTICE.replace("services: [deposit, withdrawal]\n", ""),
     "`status`: say which services it stops, like `services: [deposit, withdrawal]`"),
    (NOTICE.replace("status: suspended", "status: down"),
     '`status`: text "down" is not a known status; expected one of delayed, suspended'),
])
def test_status_in_front_matter_is_checked(tmp_path: Path, front: str, message: str) -> None:
    root = site_with(tmp_path, None, {"en/announcements/trx-network-upgrade.md": front,
                                      "en/security/set-up-2fa.md": ARTICLE})
    code, out = check(root)
    assert code == 1
    assert message in out
