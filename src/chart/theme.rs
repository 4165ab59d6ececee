//! Colours, type sizes and spacing: one editorial look for the page, the SVG and the PNG.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// `c` mixed with black: `amount` 0 = `c`, 1 = black.
pub fn darken(c: Rgb, amount: f64) -> Rgb {
    let m = |v: u8| (f64::from(v) * (1.0 - amount)).round() as u8;
    Rgb(m(c.0), m(c.1), m(c.2))
}

/// Series colours: Okabe–Ito (colour-blind safe), darkened where needed for 4.5:1 text contrast
/// on white. Qualifiers never rely on colour: they change the mark's shape, fill or outline.
pub const SERIES: [Rgb; 4] = [
    Rgb(0x1f, 0x5f, 0x9e), // blue
    Rgb(0xb8, 0x4f, 0x00), // vermilion (darkened)
    Rgb(0x00, 0x7a, 0x5a), // bluish green (darkened)
    Rgb(0x8e, 0x4f, 0x7a), // reddish purple (darkened)
];

/// A series colour, cycling.
pub fn series(i: usize) -> Rgb {
    SERIES[i % SERIES.len()]
}

/// `c` mixed with white: `amount` 0 = `c`, 1 = white.
pub fn tint(c: Rgb, amount: f64) -> Rgb {
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * amount).round() as u8;
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

pub const BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
pub const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const TEXT_MUTED: Rgb = Rgb(0x5c, 0x5c, 0x5c);
pub const GRID: Rgb = Rgb(0xe4, 0xe4, 0xe4);
pub const AXIS: Rgb = Rgb(0x8a, 0x8a, 0x8a);
pub const NO_DATA: Rgb = Rgb(0x9a, 0x9a, 0x9a);

/// Font stack: Noto CJK where installed, then the platform's Chinese UI fonts.
pub const FONT: &str =
    "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";

pub const TITLE_SIZE: f64 = 20.0;
pub const SUBTITLE_SIZE: f64 = 14.0;
pub const PANEL_TITLE_SIZE: f64 = 13.0;
pub const LABEL_SIZE: f64 = 12.0;
pub const SMALL_SIZE: f64 = 11.0;
