//! Colours, type sizes and spacing: one editorial look for the page, the SVG and the PNG.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The colours of one theme. Series colours are Okabe–Ito (colour-blind safe), adjusted for
/// at least 4.5:1 contrast of text against the background; qualifiers never rely on colour:
/// they change the mark's shape, fill or outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub no_data: Rgb,
    pub series: [Rgb; 4],
}

/// The page's colour theme (its code is the address's `theme=` and the page's `data-theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// The theme's palette.
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    /// The URL / `data-theme` code.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses `light` or `dark`.
    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The other theme (for the switch).
    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// Dark text on white.
pub const LIGHT: Palette = Palette {
    background: Rgb(0xff, 0xff, 0xff),
    text: Rgb(0x1a, 0x1a, 0x1a),
    muted: Rgb(0x5c, 0x5c, 0x5c),
    grid: Rgb(0xe4, 0xe4, 0xe4),
    axis: Rgb(0x8a, 0x8a, 0x8a),
    no_data: Rgb(0x76, 0x76, 0x76),
    series: [
        Rgb(0x1f, 0x5f, 0x9e), // blue
        Rgb(0xb8, 0x4f, 0x00), // vermilion (darkened)
        Rgb(0x00, 0x7a, 0x5a), // bluish green (darkened)
        Rgb(0x8e, 0x4f, 0x7a), // reddish purple (darkened)
    ],
};

/// Light text on near-black.
pub const DARK: Palette = Palette {
    background: Rgb(0x1d, 0x1f, 0x23),
    text: Rgb(0xec, 0xec, 0xec),
    muted: Rgb(0xb0, 0xb0, 0xb0),
    grid: Rgb(0x36, 0x39, 0x3f),
    axis: Rgb(0x70, 0x74, 0x7b),
    no_data: Rgb(0x94, 0x98, 0x9f),
    series: [
        Rgb(0x6a, 0xa8, 0xe6), // blue
        Rgb(0xee, 0x93, 0x4a), // vermilion
        Rgb(0x3c, 0xc0, 0x96), // bluish green
        Rgb(0xcf, 0x96, 0xc0), // reddish purple
    ],
};

impl Palette {
    /// A series colour, cycling.
    pub fn series(&self, i: usize) -> Rgb {
        self.series[i % self.series.len()]
    }

    /// `c` mixed with the background: `amount` 0 = `c`, 1 = background.
    pub fn tint(&self, c: Rgb, amount: f64) -> Rgb {
        let b = self.background;
        let mix = |v: u8, w: u8| (f64::from(v) + (f64::from(w) - f64::from(v)) * amount).round() as u8;
        Rgb(mix(c.0, b.0), mix(c.1, b.1), mix(c.2, b.2))
    }

    /// `c` moved towards the text colour (darker on light, lighter on dark).
    pub fn deepen(&self, c: Rgb, amount: f64) -> Rgb {
        let t = self.text;
        let mix = |v: u8, w: u8| (f64::from(v) + (f64::from(w) - f64::from(v)) * amount).round() as u8;
        Rgb(mix(c.0, t.0), mix(c.1, t.1), mix(c.2, t.2))
    }
}

/// Font stack: Noto CJK where installed, then the platform's Chinese UI fonts.
pub const FONT: &str =
    "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";

pub const TITLE_SIZE: f64 = 20.0;
pub const SUBTITLE_SIZE: f64 = 14.0;
pub const PANEL_TITLE_SIZE: f64 = 13.0;
pub const LABEL_SIZE: f64 = 12.0;
pub const SMALL_SIZE: f64 = 11.0;

/// WCAG contrast ratio of two colours (1–21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn lum(c: Rgb) -> f64 {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_has_at_least_4_5_to_1_contrast_in_both_themes() {
        for p in [LIGHT, DARK] {
            for c in [p.text, p.muted, p.no_data] {
                assert!(contrast(c, p.background) >= 4.5, "{c:?} on {:?}", p.background);
            }
            for c in p.series {
                // Series colours carry direct labels in places: 3:1 for graphics, and text
                // labels use the text colour.
                assert!(contrast(c, p.background) >= 3.0, "{c:?} on {:?}", p.background);
            }
        }
    }
}
