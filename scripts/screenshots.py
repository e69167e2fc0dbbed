"""Screenshots of the built site: home, an article and a coin page, phone and desktop, en and zh.

For the record of what readers see (docs/screenshots/) and the README's picture:

    python scripts/screenshots.py docs/screenshots/after --today 2026-11-23
    python scripts/screenshots.py OUT --site build/site          # an already built site
    python scripts/screenshots.py OUT --root /tmp/before          # another checkout's code and content
    python scripts/screenshots.py OUT --readme-shot .github/screenshot.png

Without --site, the project at --root (default: this repository) is built with
its own code (``PYTHONPATH=<root>/scripts python -m helpcentre build``) into a
temporary folder, so a worktree of an older commit is pictured as it was. The
site is served on 127.0.0.1 (a free port) and photographed with Debian's
chromium through Playwright, as the browser tests do. CJK text needs the
fonts-noto-cjk package; without it Chinese shows as boxes, so the script
refuses to run.

Files are named ``<page>-<lang>-<device>.png``. Exit 0 when every picture was
taken, 1 when the build or a picture failed, 2 on bad input.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpcentre.bench.serve import serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package, as in tests/browser_support.py
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update"]
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # from fonts-noto-cjk
PAGES = {"home": "", "article": "deposits-withdrawals/withdrawal-not-arrived/", "coin": "coins/usdt/"}
LANGUAGES = ("en", "zh")  # English (the default: at the site root) and a CJK language
README_SHOT = (1280, 900)  # the README's picture: the English home, viewport only


@dataclass(frozen=True)
class Device:
    name: str
    width: int
    height: int
    # Full-page pictures stop here: desktop pages run to 4000 px, and a picture
    # that tall is mostly footer and weighs over 600 KB in git. None: whole page.
    max_height: int | None


# The browser tests' PHONE and DESKTOP (tests/browser_support.py), at one device
# pixel per CSS pixel: the phone's home at 2x measured 1.4 MB, at 1x 380 KB.
DEVICES = (Device("phone", 390, 844, None), Device("desktop", 1280, 900, 2400))
TOO_BIG = 600_000  # bytes: a PNG over this is reported (they are kept in git)


def build(root: Path, today: str, site_dir: Path) -> str:
    """Build ``root`` with its own code; return where the helpcentre package came from.

    Raises CalledProcessError when the build fails, RuntimeError when Python
    would not have used ``root``'s code (then the pictures would lie).
    """
    env = {**os.environ, "PYTHONPATH": str(root / "scripts"), "HELPCENTRE_TODAY": today}
    where = subprocess.run([sys.executable, "-c", "import helpcentre; print(helpcentre.__file__)"],
                           cwd=root, env=env, check=True, capture_output=True, text=True).stdout.strip()
    if not Path(where).resolve().is_relative_to((root / "scripts").resolve()):
        raise RuntimeError(f"helpcentre would be imported from {where}, not from {root / 'scripts'}")
    subprocess.run([sys.executable, "-m", "helpcentre", "build", "--root", str(root), "--today", today,
                    "--site-dir", str(site_dir)], cwd=root, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return where


def page_url(base: str, lang: str, rel: str) -> str:
    return base + ("" if lang == LANGUAGES[0] else f"{lang}/") + rel


def shoot(browser: Browser, url: str, path: Path, device: Device, *, full_page: bool = True) -> tuple[int, int]:
    """Save one picture; return its width and height in pixels."""
    context = browser.new_context(viewport={"width": device.width, "height": device.height},
                                  device_scale_factor=1)
    try:
        page = context.new_page()
        response = page.goto(url)
        if response is None or response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status if response else 'no answer'}")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        height = device.height
        if full_page:
            height = page.evaluate("document.documentElement.scrollHeight")
            if device.max_height:
                height = min(height, device.max_height)
        page.screenshot(path=path, full_page=full_page,
                        clip={"x": 0, "y": 0, "width": device.width, "height": height} if full_page else None)
        return device.width, height
    finally:
        context.close()


def take(site: Path, out: Path, readme_shot: Path | None) -> list[str]:
    """Every picture of ``site`` into ``out``; return one line per file written."""
    from playwright.sync_api import sync_playwright

    lines = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for name, rel in PAGES.items():
                for lang in LANGUAGES:
                    for device in DEVICES:
                        path = out / f"{name}-{lang}-{device.name}.png"
                        width, height = shoot(browser, page_url(base, lang, rel), path, device)
                        lines.append(describe(path, width, height))
            if readme_shot:
                readme_shot.parent.mkdir(parents=True, exist_ok=True)
                desktop = Device("readme", *README_SHOT, None)
                width, height = shoot(browser, base, readme_shot, desktop, full_page=False)
                lines.append(describe(readme_shot, width, height))
        finally:
            browser.close()
    return lines


def describe(path: Path, width: int, height: int) -> str:
    size = path.stat().st_size
    warning = f"  over {TOO_BIG // 1000} KB" if size > TOO_BIG else ""
    return f"{path}: {width}x{height}, {round(size / 1000)} KB{warning}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files (created)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site", type=Path, help="an already built site (default: build --root)")
    source.add_argument("--root", type=Path, default=REPO,
                        help="the help centre to build with its own code (default: this repository)")
    parser.add_argument("--today", default=os.environ.get("HELPCENTRE_TODAY", ""), metavar="YYYY-MM-DD",
                        help="the day to build on (default: $HELPCENTRE_TODAY; required when building)")
    parser.add_argument("--readme-shot", type=Path, metavar="PNG",
                        help="also save the English home, desktop viewport only, here")
    args = parser.parse_args(argv)

    if not CHROMIUM.is_file():
        print(f"screenshots: {CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2
    if not CJK_FONT.is_file():
        print(f"screenshots: {CJK_FONT} not found; Chinese would show as boxes "
              "(apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 2
    if args.site and not (args.site / "index.html").is_file():
        print(f"screenshots: {args.site} has no index.html; build the site first", file=sys.stderr)
        return 2
    if not args.site and not args.today:
        print("screenshots: give --today YYYY-MM-DD (or $HELPCENTRE_TODAY) to build on a fixed day",
              file=sys.stderr)
        return 2
    if not args.site and not (args.root / "mkdocs.yml").is_file():
        print(f"screenshots: {args.root} has no mkdocs.yml", file=sys.stderr)
        return 2

    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="hc-screenshots-"))
    try:
        site = args.site
        if site is None:
            site = work / "site"
            try:
                where = build(args.root.resolve(), args.today, site)
            except subprocess.CalledProcessError as exc:
                print(f"screenshots: the build of {args.root} failed:\n{(exc.stderr or '').strip()[-2000:]}",
                      file=sys.stderr)
                return 1
            except RuntimeError as exc:
                print(f"screenshots: {exc}", file=sys.stderr)
                return 1
            print(f"built {args.root} on {args.today} with {where}")
        try:
            lines = take(site, args.out, args.readme_shot)
        except RuntimeError as exc:
            print(f"screenshots: {exc}", file=sys.stderr)
            return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
