"""Themes read from the back of a room: two high-contrast ones and one safe for colour blindness.

Every pair of colours used for text reaches a contrast ratio of at least 7:1 (WCAG AAA);
tests/test_themes.py measures the rendered screens to keep it so. Text colours are given at
full strength ("auto 100%") because Textual's default translucent text loses contrast.
"""

from textual.theme import Theme

# Shared by all three: text at full strength, a cursor that is marked by more than colour.
_TEXT = {
    "text": "auto 100%",
    "text-muted": "auto 100%",
    "text-disabled": "auto 90%",
    "block-cursor-text-style": "bold underline",
    "block-cursor-blurred-text-style": "underline",
}

HIGH_CONTRAST_DARK = Theme(
    name="high-contrast-dark",
    dark=True,
    background="#000000",
    surface="#0A0A0A",
    panel="#1A1A1A",
    foreground="#FFFFFF",
    primary="#FFD400",
    secondary="#00E5FF",
    accent="#FFD400",
    warning="#FFB000",
    error="#FF6B6B",
    success="#5CFF8A",
    variables={
        **_TEXT,
        "foreground-muted": "#E6E6E6",
        "foreground-disabled": "#BFBFBF",
        "text-primary": "#FFD400",
        "text-accent": "#FFD400",
        "text-warning": "#FFB000",
        "text-error": "#FF8C8C",
        "text-success": "#5CFF8A",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFD400",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#333333",
        "footer-key-foreground": "#FFD400",
        "footer-description-foreground": "#FFFFFF",
        "footer-background": "#1A1A1A",
        "input-selection-background": "#FFD400 40%",
        "border-blurred": "#8C8C8C",
    },
)

HIGH_CONTRAST_LIGHT = Theme(
    name="high-contrast-light",
    dark=False,
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#EDEDED",
    foreground="#000000",
    primary="#0033A0",
    secondary="#6A0DAD",
    accent="#0033A0",
    warning="#7A4100",
    error="#A30000",
    success="#00632B",
    variables={
        **_TEXT,
        "foreground-muted": "#1F1F1F",
        "foreground-disabled": "#404040",
        "text-primary": "#0033A0",
        "text-accent": "#0033A0",
        "text-warning": "#6E3C00",
        "text-error": "#A30000",
        "text-success": "#00632B",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#0033A0",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#D6D6D6",
        "footer-key-foreground": "#0033A0",
        "footer-description-foreground": "#000000",
        "footer-background": "#EDEDED",
        "input-selection-background": "#0033A0 30%",
        "border-blurred": "#595959",
    },
)

# Okabe and Ito's palette, told apart with every common kind of colour blindness:
# orange #E69F00, sky blue #56B4E9, bluish green #009E73, yellow #F0E442. Vermilion (errors)
# and orange text are lightened (#FF8F4D, #FFB84D) so that they read at 7:1 on dark grey.
COLOUR_BLIND_SAFE = Theme(
    name="colour-blind-safe",
    dark=True,
    background="#000000",
    surface="#0A0A0A",
    panel="#1A1A1A",
    foreground="#FFFFFF",
    primary="#56B4E9",
    secondary="#E69F00",
    accent="#F0E442",
    warning="#E69F00",
    error="#FF8F4D",
    success="#009E73",
    variables={
        **_TEXT,
        "foreground-muted": "#E6E6E6",
        "foreground-disabled": "#BFBFBF",
        "text-primary": "#56B4E9",
        "text-accent": "#F0E442",
        "text-warning": "#FFB84D",
        "text-error": "#FF8F4D",
        "text-success": "#2BD1A0",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#56B4E9",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#333333",
        "footer-key-foreground": "#F0E442",
        "footer-description-foreground": "#FFFFFF",
        "footer-background": "#1A1A1A",
        "input-selection-background": "#56B4E9 40%",
        "border-blurred": "#8C8C8C",
    },
)

THEMES = (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, COLOUR_BLIND_SAFE)
DEFAULT_THEME = HIGH_CONTRAST_DARK.name
THEME_LABELS = {
    HIGH_CONTRAST_DARK.name: "high contrast, dark",
    HIGH_CONTRAST_LIGHT.name: "high contrast, light",
    COLOUR_BLIND_SAFE.name: "safe for colour blindness",
}


def next_theme(current: str) -> str:
    """The theme after `current` in the cycle of accessible themes (the first if it isn't one)."""
    names = [t.name for t in THEMES]
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]
