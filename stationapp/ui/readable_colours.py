"""Text colours of the style's palette with a contrast of at least 4.5:1 (the 适老化
benchmark, WCAG AA; issue 14).

Qt's Fusion style writes placeholder text in half-transparent black (4.0:1 on white) and
selected rows in white on a light blue (3.7:1). :func:`make_palette_readable` darkens
what falls short, whatever the platform's style gives.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MINIMUM_CONTRAST = 4.5
"""Least contrast of text against its background."""

_ROLE = QPalette.ColorRole
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)

TEXT_PAIRS = (
    (_ROLE.WindowText, _ROLE.Window),
    (_ROLE.Text, _ROLE.Base),
    (_ROLE.Text, _ROLE.AlternateBase),
    (_ROLE.ButtonText, _ROLE.Button),
    (_ROLE.HighlightedText, _ROLE.Highlight),
    (_ROLE.PlaceholderText, _ROLE.Base),
    (_ROLE.ToolTipText, _ROLE.ToolTipBase),
    (_ROLE.Link, _ROLE.Base),
)
"""Text colour roles and the background each is written on."""


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2) of an opaque colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def flatten(colour: QColor, background: QColor) -> QColor:
    """``colour`` as it shows over an opaque ``background`` (its transparency mixed in)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(c * alpha + b * (1 - alpha) for c, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()),
        (background.redF(), background.greenF(), background.blueF()), strict=True)))


def contrast(foreground: QColor, background: QColor) -> float:
    """The contrast ratio (1 to 21) of ``foreground`` written on ``background``."""
    shown = flatten(foreground, background)
    light, dark = sorted((luminance(shown), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _away(colour: QColor, other: QColor) -> QColor:
    """``colour`` one step further from ``other`` in lightness (darker when ``other``
    is the lighter of the two)."""
    return colour.darker(112) if luminance(other) >= luminance(colour) else colour.lighter(112)


def readable(foreground: QColor, background: QColor) -> QColor:
    """``foreground`` (made opaque), moved away from ``background`` until their contrast
    is at least :data:`MINIMUM_CONTRAST`."""
    colour = flatten(foreground, background)
    for _ in range(40):
        if contrast(colour, background) >= MINIMUM_CONTRAST:
            break
        moved = _away(colour, background)
        if moved == colour:  # black or white: nothing further to go
            moved = QColor("black") if luminance(background) > 0.18 else QColor("white")
        colour = moved
    return colour


def make_palette_readable(app: QApplication) -> None:
    """Set the application's palette so every text colour role reads at least 4.5:1 on
    its background: the text is darkened, or for selected rows the selection colour."""
    palette = QPalette(app.palette())
    changed = False
    for group in _GROUPS:
        for text_role, background_role in TEXT_PAIRS:
            text = palette.color(group, text_role)
            background = palette.color(group, background_role)
            if contrast(text, background) >= MINIMUM_CONTRAST:
                continue
            changed = True
            if text_role == _ROLE.HighlightedText:
                palette.setColor(group, background_role, readable(background, text))
            else:
                palette.setColor(group, text_role, readable(text, background))
    if changed:
        QApplication.setPalette(palette)


__all__ = ["MINIMUM_CONTRAST", "TEXT_PAIRS", "contrast", "flatten", "luminance",
           "make_palette_readable", "readable"]
