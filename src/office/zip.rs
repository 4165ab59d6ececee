//! A ZIP archive of stored (uncompressed) entries, written the way office suites read most
//! reliably: no zip64, general-purpose flags clear, no data descriptors, no extra fields, a
//! fixed timestamp (1980-01-01, so the same input gives the same bytes).
//!
//! Hand-written rather than the `zip` crate: an office file here is a few dozen small XML parts,
//! and a stored entry is a header, the bytes and a CRC-32. The `zip` crate (default features off,
//! stored entries) measured +31.6 KB gzip of wasm against this file (README, dependencies).

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the checksum ZIP stores per entry.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// Why an archive could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// Over 4 GiB or 65,535 entries: it would need zip64, which office suites read badly.
    TooLarge,
}

/// An archive being written.
#[derive(Debug, Default)]
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

fn le16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn le32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// DOS date of 1980-01-01 (day 1, month 1, year 0 since 1980); time 00:00.
const DOS_DATE: u16 = (1 << 5) | 1;

impl Zip {
    pub fn new() -> Zip {
        Zip::default()
    }

    /// Adds one stored entry named `name` (a relative path with `/`).
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), ZipError> {
        let too_large = |n: usize| u32::try_from(n).map_err(|_| ZipError::TooLarge);
        let offset = too_large(self.out.len())?;
        let size = too_large(data.len())?;
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        self.entries = self.entries.checked_add(1).ok_or(ZipError::TooLarge)?;
        let crc = crc32(data);
        // Local file header.
        le32(&mut self.out, 0x0403_4b50);
        for v in [20, 0, 0, 0, DOS_DATE] {
            le16(&mut self.out, v); // version needed, flags, method (stored), time, date
        }
        for v in [crc, size, size] {
            le32(&mut self.out, v);
        }
        le16(&mut self.out, name_len);
        le16(&mut self.out, 0); // extra field length
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        too_large(self.out.len())?;
        // Central directory record.
        let c = &mut self.central;
        le32(c, 0x0201_4b50);
        for v in [20, 20, 0, 0, 0, DOS_DATE] {
            le16(c, v); // made by, needed, flags, method, time, date
        }
        for v in [crc, size, size] {
            le32(c, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            le16(c, v); // name, extra, comment length, disk, internal attributes
        }
        le32(c, 0); // external attributes
        le32(c, offset);
        c.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The archive's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ZipError> {
        let start = u32::try_from(self.out.len()).map_err(|_| ZipError::TooLarge)?;
        let len = u32::try_from(self.central.len()).map_err(|_| ZipError::TooLarge)?;
        self.out.extend_from_slice(&self.central);
        le32(&mut self.out, 0x0605_4b50);
        for v in [0, 0, self.entries, self.entries] {
            le16(&mut self.out, v);
        }
        le32(&mut self.out, len);
        le32(&mut self.out, start);
        le16(&mut self.out, 0); // comment length
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_lists_its_entries_in_the_central_directory() {
        let mut z = Zip::new();
        assert_eq!(z.add("a.xml", b"<a/>"), Ok(()));
        assert_eq!(z.add("dir/b.txt", "中文".as_bytes()), Ok(()));
        let bytes = z.finish().unwrap_or_default();
        // End of central directory: 2 entries, and the directory starts where it says.
        let eocd = bytes.len() - 22;
        assert_eq!(&bytes[eocd..eocd + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([bytes[eocd + 10], bytes[eocd + 11]]), 2);
        let start =
            u32::from_le_bytes([bytes[eocd + 16], bytes[eocd + 17], bytes[eocd + 18], bytes[eocd + 19]]);
        assert_eq!(&bytes[start as usize..start as usize + 4], &[0x50, 0x4b, 0x01, 0x02]);
        // Flags are clear and entries are stored.
        assert_eq!(&bytes[6..10], &[0, 0, 0, 0]);
    }
}
