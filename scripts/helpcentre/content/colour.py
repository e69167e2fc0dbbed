"""The brand colour: reading `#rrggbb` and keeping WCAG AA contrast.

The exchange's primary colour (``brand.primary_color`` in site.yml) is the
background of the header, under white text, and the colour of links on the
white page. Both need a contrast ratio of at least 4.5:1 (WCAG 2.1, 1.4.3,
normal text), so a colour is judged against white once and refused when it
fails, with the nearest darker shade that passes as the fix.

The formulas are WCAG's own definitions (relative luminance of sRGB, and the
ratio (L1 + 0.05) / (L2 + 0.05)), a few lines that no library would make
shorter or clearer.
"""

from __future__ import annotations

import re

AA_NORMAL_TEXT = 4.5
WHITE = (255, 255, 255)
HEX_RE = re.compile(r"#([0-9a-fA-F]{6})")


def parse_hex(text: str) -> tuple[int, int, int] | None:
    """``#1f4e9e`` as (31, 78, 158); None for anything else (names, #abc, rgb())."""
    match = HEX_RE.fullmatch(text.strip())
    if not match:
        return None
    digits = match.group(1)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darken_until(rgb: tuple[int, int, int], against: tuple[int, int, int] = WHITE,
                 ratio: float = AA_NORMAL_TEXT) -> tuple[int, int, int]:
    """The same hue, darkened step by step until it reaches ``ratio`` against ``against``."""
    for step in range(101):
        factor = 1 - step / 100
        shade = (round(rgb[0] * factor), round(rgb[1] * factor), round(rgb[2] * factor))
        if contrast(shade, against) >= ratio:
            return shade
    return (0, 0, 0)


def shade(rgb: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    """Darker (factor < 1) or lighter towards white (factor > 1), for hover and borders."""
    if factor <= 1:
        return (round(rgb[0] * factor), round(rgb[1] * factor), round(rgb[2] * factor))
    mix = factor - 1
    return tuple(round(c + (255 - c) * mix) for c in rgb)  # type: ignore[return-value]
