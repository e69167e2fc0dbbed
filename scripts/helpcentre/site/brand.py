"""The exchange's look, from content/_data/site.yml `brand:`, never from CSS edits.

mkdocs.yml sets Material's palette to `custom`, which reads the primary and
accent colours from CSS variables; this module writes them into
``assets/brand.css`` (a file: the Content-Security-Policy allows no inline
style), and points the theme at the logo. The colour was already held to WCAG
AA against white when the registry was read (helpcentre.content.colour).
"""

from __future__ import annotations

from typing import Any

from ..content import colour
from ..content.registry import Brand

CSS_PATH = "assets/brand.css"
LOGO_DIR = "assets/brand"


def stylesheet(brand: Brand) -> str:
    rgb = colour.parse_hex(brand.primary_color) or (0, 0, 0)
    dark, light = colour.to_hex(colour.shade(rgb, 0.8)), colour.to_hex(colour.shade(rgb, 1.85))
    return ("/* Generated from content/_data/site.yml `brand:` by helpcentre.site.brand. */\n"
            ":root, [data-md-color-primary=custom], [data-md-color-accent=custom] {\n"
            f"  --md-primary-fg-color: {brand.primary_color};\n"
            f"  --md-primary-fg-color--light: {brand.primary_color};\n"
            f"  --md-primary-fg-color--dark: {dark};\n"
            "  --md-primary-bg-color: #ffffff;\n"
            "  --md-primary-bg-color--light: rgba(255, 255, 255, 0.85);\n"
            f"  --md-accent-fg-color: {dark};\n"
            f"  --md-accent-fg-color--transparent: {light}33;\n"
            f"  --md-typeset-a-color: {brand.primary_color};\n"
            f"  --hc-brand-tint: {light};\n"
            "}\n")


def files(brand: Brand) -> list[tuple[str, str | bytes]]:
    """(site path, content) of the files the brand adds to every build."""
    out: list[tuple[str, str | bytes]] = [(CSS_PATH, stylesheet(brand))]
    if brand.logo is not None:
        out.append((f"{LOGO_DIR}/{brand.logo_name}", brand.logo.read_bytes()))
    return out


def configure(config: Any, brand: Brand) -> None:
    """The stylesheet after Material's own, and the logo in the header."""
    if CSS_PATH not in config.extra_css:
        config.extra_css.insert(0, CSS_PATH)
    if brand.logo is not None:
        config.theme["logo"] = f"{LOGO_DIR}/{brand.logo_name}"
