//! A [`Deck`] as bytes, and back: how the page hands a deck to the PowerPoint writer, which is a
//! second, small wasm module fetched the first time a reader asks for an editable chart
//! (`office-wasm/`). The page then carries only the deck builder and this encoder; the XML, the
//! workbook and the ZIP writer stay out of it until they are needed.
//!
//! Little-endian, no padding: a string or byte run is its length (`u32`) and its bytes, a list
//! its count (`u32`) and its items, a number an `f64`, a colour three bytes. The decoder checks
//! every length against the bytes that are left, so damaged input is an error, never a panic
//! or a huge allocation.

use super::{Body, ChartSeries, Deck, Kind, NativeChart, Point, PointStyle, Slide};
use crate::chart::theme::Rgb;

/// The first bytes of an encoded deck, with the format's version.
const MAGIC: &[u8; 5] = b"FTZD1";

/// Encodes `deck`.
pub fn encode(deck: &Deck) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.str(&deck.title);
    w.str(&deck.lang);
    for c in [deck.background, deck.text, deck.muted, deck.grid] {
        w.rgb(c);
    }
    w.len(deck.slides.len());
    for s in &deck.slides {
        w.str(&s.title);
        w.str(&s.subtitle);
        match &s.body {
            Body::Chart(c) => {
                w.0.push(0);
                w.chart(c);
            }
            Body::Picture { png, width, height } => {
                w.0.push(1);
                w.bytes(png);
                w.u32(*width);
                w.u32(*height);
            }
            Body::Lines(lines) => {
                w.0.push(2);
                w.strs(lines);
            }
        }
        w.strs(&s.footer);
        w.str(&s.alt);
    }
    w.0
}

/// Why bytes are not an encoded deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub &'static str);

/// Decodes what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<Deck, WireError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(WireError("not an encoded deck of this version"));
    }
    let title = r.str()?;
    let lang = r.str()?;
    let (background, text, muted, grid) = (r.rgb()?, r.rgb()?, r.rgb()?, r.rgb()?);
    let n = r.count()?;
    let mut slides = Vec::with_capacity(n);
    for _ in 0..n {
        let title = r.str()?;
        let subtitle = r.str()?;
        let body = match r.u8()? {
            0 => Body::Chart(r.chart()?),
            1 => Body::Picture { png: r.take_len()?.to_vec(), width: r.u32()?, height: r.u32()? },
            2 => Body::Lines(r.strs()?),
            _ => return Err(WireError("unknown slide body")),
        };
        slides.push(Slide { title, subtitle, body, footer: r.strs()?, alt: r.str()? });
    }
    if r.at != bytes.len() {
        return Err(WireError("bytes after the deck"));
    }
    Ok(Deck { title, lang, background, text, muted, grid, slides })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        // A deck is far below 4 GiB (the ZIP writer refuses more); saturate rather than wrap.
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
    fn rgb(&mut self, c: Rgb) {
        self.0.extend_from_slice(&[c.0, c.1, c.2]);
    }
    fn chart(&mut self, c: &NativeChart) {
        self.0.push(match c.kind {
            Kind::Columns => 0,
            Kind::Bars => 1,
            Kind::Points => 2,
        });
        self.str(&c.category_title);
        self.strs(&c.categories);
        self.len(c.series.len());
        for s in &c.series {
            self.str(&s.name);
            self.rgb(s.color);
            self.len(s.points.len());
            for p in &s.points {
                match p {
                    None => self.0.push(0),
                    Some(p) => {
                        let st = p.style;
                        self.0.push(
                            1 | u8::from(st.hatched) << 1
                                | u8::from(st.dashed) << 2
                                | u8::from(st.hollow) << 3,
                        );
                        self.0.extend_from_slice(&p.value.to_le_bytes());
                        self.str(&p.label);
                    }
                }
            }
        }
        self.str(&c.axis_title);
        match c.max {
            None => self.0.push(0),
            Some(m) => {
                self.0.push(1);
                self.0.extend_from_slice(&m.to_le_bytes());
            }
        }
        self.len(c.figures.len());
        for row in &c.figures {
            self.strs(row);
        }
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], WireError> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len()).ok_or(WireError("cut short"))?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }
    fn u8(&mut self) -> Result<u8, WireError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, WireError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f64(&mut self) -> Result<f64, WireError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(f64::from_le_bytes(a))
    }
    /// A count of items, each at least one byte long: never more than the bytes left.
    fn count(&mut self) -> Result<usize, WireError> {
        let n = self.u32()? as usize;
        if n > self.bytes.len() - self.at {
            return Err(WireError("a count past the end"));
        }
        Ok(n)
    }
    fn take_len(&mut self) -> Result<&'b [u8], WireError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn str(&mut self) -> Result<String, WireError> {
        let b = self.take_len()?;
        std::str::from_utf8(b).map(str::to_string).map_err(|_| WireError("text not UTF-8"))
    }
    fn strs(&mut self) -> Result<Vec<String>, WireError> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }
    fn rgb(&mut self) -> Result<Rgb, WireError> {
        let b = self.take(3)?;
        Ok(Rgb(b[0], b[1], b[2]))
    }
    fn chart(&mut self) -> Result<NativeChart, WireError> {
        let kind = match self.u8()? {
            0 => Kind::Columns,
            1 => Kind::Bars,
            2 => Kind::Points,
            _ => return Err(WireError("unknown chart kind")),
        };
        let category_title = self.str()?;
        let categories = self.strs()?;
        let n = self.count()?;
        let mut series = Vec::with_capacity(n);
        for _ in 0..n {
            let name = self.str()?;
            let color = self.rgb()?;
            let k = self.count()?;
            let mut points = Vec::with_capacity(k);
            for _ in 0..k {
                let tag = self.u8()?;
                points.push(match tag {
                    0 => None,
                    t if t & 1 == 1 && t < 16 => {
                        let value = self.f64()?;
                        let style =
                            PointStyle { hatched: t & 2 != 0, dashed: t & 4 != 0, hollow: t & 8 != 0 };
                        Some(Point { value, label: self.str()?, style })
                    }
                    _ => return Err(WireError("unknown point")),
                });
            }
            series.push(ChartSeries { name, color, points });
        }
        let axis_title = self.str()?;
        let max = match self.u8()? {
            0 => None,
            1 => Some(self.f64()?),
            _ => return Err(WireError("unknown axis maximum")),
        };
        let n = self.count()?;
        let mut figures = Vec::with_capacity(n);
        for _ in 0..n {
            figures.push(self.strs()?);
        }
        Ok(NativeChart { kind, category_title, categories, series, axis_title, max, figures })
    }
}
