"""The charts' colours, in one place, with the contrast maths that proves they pass WCAG 2.1 AA.

Category colours are the Okabe–Ito colours (distinguishable with the common colour-vision
deficiencies) that reach 3:1 on the white page (WCAG 1.4.11); orange, sky blue and yellow
do not and are left out. Chart text is dark grey, 7:1 on white (WCAG 1.4.3). Heat maps use
viridis, interpolated here in plain RGB between fixed stops so that the colour of every cell,
and so the text colour that reads on it, is known before the chart is drawn.
"""

from __future__ import annotations

from typing import Final

BACKGROUND: Final = "#ffffff"  # .streamlit/config.toml backgroundColor; the PDF's paper
BLUE: Final = "#0072B2"  # 5.2:1 on white
VERMILLION: Final = "#D55E00"  # 3.9:1
GREEN: Final = "#009E73"  # 3.4:1
PURPLE: Final = "#CC79A7"  # 3.1:1
CATEGORY: Final = (BLUE, VERMILLION, GREEN, PURPLE)
CHART_TEXT: Final = "#595959"  # axis labels, legends, rules: 7.0:1
TITLE_TEXT: Final = "#1a1a1a"  # the theme's textColor
DARK_TEXT: Final = "#000000"
LIGHT_TEXT: Final = "#ffffff"

# matplotlib's viridis at nine even steps (0, 1/8, …, 1).
VIRIDIS: Final = (
    "#440154",
    "#472d7b",
    "#3b528b",
    "#2c728e",
    "#21918c",
    "#28ae80",
    "#5ec962",
    "#addc30",
    "#fde725",
)


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = []
    for value in _rgb(colour):
        srgb = value / 255
        channels.append(srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def heat_colour(fraction: float) -> str:
    """The viridis colour at `fraction` (0–1), as Vega draws it with `heat_domain` and RGB
    interpolation."""
    position = min(max(fraction, 0.0), 1.0) * (len(VIRIDIS) - 1)
    lower = min(int(position), len(VIRIDIS) - 2)
    weight = position - lower
    start, end = _rgb(VIRIDIS[lower]), _rgb(VIRIDIS[lower + 1])
    mixed = (round(a + (b - a) * weight) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{value:02x}" for value in mixed)


def heat_domain(high: float) -> list[float]:
    """Scale stops matching VIRIDIS for values 0…high (a piecewise scale Vega interpolates
    exactly like `heat_colour`)."""
    top = high if high > 0 else 1.0
    steps = len(VIRIDIS) - 1
    return [top * step / steps for step in range(steps + 1)]


def text_on(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill` (at least 4.58:1 for any colour)."""
    if contrast_ratio(DARK_TEXT, fill) >= contrast_ratio(LIGHT_TEXT, fill):
        return DARK_TEXT
    return LIGHT_TEXT
