//! Units of measure: each source unit knows its dimension and its factor to a base unit,
//! so conversion (亿元 ↔ billion yuan, 万辆 ↔ vehicles) is exact arithmetic on one factor.

use serde::Serialize;

/// What a quantity measures. Two figures can share an axis only if their dimensions match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Dimension {
    /// Chinese yuan (base: 1 yuan).
    Yuan,
    /// US dollars (base: 1 USD).
    Usd,
    /// Vehicles (base: 1 vehicle).
    Vehicles,
    /// Enterprises, items, cases: a plain count (base: 1).
    Count,
    /// Area (base: 1 km²).
    Area,
    /// A share of a whole (base: 1 = 100 %).
    Ratio,
    /// A growth rate (base: 1 = +100 %).
    Growth,
}

/// A unit as written in the dataset's `unit` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    YiYuan,
    BnYuan,
    YiUsd,
    WanUsd,
    Vehicles,
    WanVehicles,
    Enterprises,
    /// 市场主体 (户): enterprises and other registered entities such as sole traders.
    MarketEntities,
    Items,
    Cases,
    /// A count of things counted with 个 (centres, sites, task forces).
    Units,
    Km2,
    Pct,
    Fraction,
    PctYoy,
}

impl Unit {
    /// Every unit, in a stable order.
    pub const ALL: [Unit; 15] = [
        Unit::YiYuan,
        Unit::BnYuan,
        Unit::YiUsd,
        Unit::WanUsd,
        Unit::Vehicles,
        Unit::WanVehicles,
        Unit::Enterprises,
        Unit::MarketEntities,
        Unit::Items,
        Unit::Cases,
        Unit::Units,
        Unit::Km2,
        Unit::Pct,
        Unit::Fraction,
        Unit::PctYoy,
    ];

    /// The key used in the CSV files.
    pub fn key(self) -> &'static str {
        match self {
            Unit::YiYuan => "yi_yuan",
            Unit::BnYuan => "bn_yuan",
            Unit::YiUsd => "yi_usd",
            Unit::WanUsd => "wan_usd",
            Unit::Vehicles => "vehicles",
            Unit::WanVehicles => "wan_vehicles",
            Unit::Enterprises => "enterprises",
            Unit::MarketEntities => "market_entities",
            Unit::Items => "items",
            Unit::Cases => "cases",
            Unit::Units => "units",
            Unit::Km2 => "km2",
            Unit::Pct => "pct",
            Unit::Fraction => "fraction",
            Unit::PctYoy => "pct_yoy",
        }
    }

    /// Parses a CSV unit key; `None` for an unknown unit.
    pub fn from_key(key: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.key() == key)
    }

    /// Whether a figure in this unit may be negative: only a growth rate can. Amounts, counts,
    /// areas and shares are levels, so a negative one is a mistake in the data (and could not
    /// be drawn honestly on the charts' zero-based axes).
    pub fn may_be_negative(self) -> bool {
        self.dimension() == Dimension::Growth
    }

    /// What the unit measures.
    pub fn dimension(self) -> Dimension {
        match self {
            Unit::YiYuan | Unit::BnYuan => Dimension::Yuan,
            Unit::YiUsd | Unit::WanUsd => Dimension::Usd,
            Unit::Vehicles | Unit::WanVehicles => Dimension::Vehicles,
            Unit::Enterprises | Unit::MarketEntities | Unit::Items | Unit::Cases | Unit::Units => {
                Dimension::Count
            }
            Unit::Km2 => Dimension::Area,
            Unit::Pct | Unit::Fraction => Dimension::Ratio,
            Unit::PctYoy => Dimension::Growth,
        }
    }

    /// How many base units one of this unit is.
    pub fn factor(self) -> f64 {
        match self {
            Unit::YiYuan | Unit::YiUsd => 1e8,
            Unit::BnYuan => 1e9,
            Unit::WanUsd | Unit::WanVehicles => 1e4,
            Unit::Pct | Unit::PctYoy => 0.01,
            Unit::Vehicles
            | Unit::Enterprises
            | Unit::MarketEntities
            | Unit::Items
            | Unit::Cases
            | Unit::Units
            | Unit::Km2
            | Unit::Fraction => 1.0,
        }
    }

    /// Converts `amount` of this unit into base units.
    pub fn to_base(self, amount: f64) -> f64 {
        amount * self.factor()
    }

    /// Converts `amount` base units into this unit.
    pub fn from_base(self, base: f64) -> f64 {
        base / self.factor()
    }

    /// Converts `amount` of this unit into `target`, or `None` when the dimensions differ.
    pub fn convert(self, amount: f64, target: Unit) -> Option<f64> {
        (self.dimension() == target.dimension()).then(|| target.from_base(self.to_base(amount)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for u in Unit::ALL {
            assert_eq!(Unit::from_key(u.key()), Some(u));
        }
        assert_eq!(Unit::from_key("亿元"), None);
    }

    #[test]
    fn conversions_are_exact_where_decimal_allows() {
        // 713.74 billion yuan is 7,137.4 亿元 (PTPD2024 vs the seed's unit).
        let yi = Unit::BnYuan.convert(713.74, Unit::YiYuan).unwrap_or(f64::NAN);
        assert!((yi - 7137.4).abs() < 1e-9, "{yi}");
        // 2.7 万辆 is 27,000 vehicles.
        assert_eq!(Unit::WanVehicles.convert(2.7, Unit::Vehicles), Some(27000.0));
        assert_eq!(Unit::Pct.convert(60.0, Unit::Fraction), Some(0.6));
        assert_eq!(Unit::Vehicles.convert(1.0, Unit::YiYuan), None);
    }

    #[test]
    fn market_entities_and_units_are_plain_counts_with_their_own_keys() {
        // 市场主体 are counted like enterprises (户) but are not enterprises: their own unit.
        assert_eq!(Unit::from_key("market_entities"), Some(Unit::MarketEntities));
        assert_eq!(Unit::from_key("units"), Some(Unit::Units));
        for u in [Unit::MarketEntities, Unit::Units] {
            assert_eq!(u.dimension(), Dimension::Count);
            assert_eq!(u.factor(), 1.0);
            assert_ne!(u, Unit::Enterprises);
        }
    }
}
