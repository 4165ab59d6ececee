//! Unit tests of the formatting of numbers, quantities and periods.
use super::*;
use Lang::{En, Zh};

#[test]
fn grouping_and_edges() {
    assert_eq!(grouped(0.0, 0), "0");
    assert_eq!(grouped(9999.0, 0), "9,999");
    assert_eq!(grouped(10000.0, 0), "10,000");
    assert_eq!(grouped(99_999_999.0, 0), "99,999,999");
    assert_eq!(grouped(7137.4, 1), "7,137.4");
    assert_eq!(grouped(-1234.5, 1), "-1,234.5");
    assert_eq!(grouped(-0.001, 1), "0.0");
}

#[test]
fn compact_in_both_systems() {
    assert_eq!(compact(9999.0, Zh), "9,999");
    assert_eq!(compact(10000.0, Zh), "1万");
    assert_eq!(compact(18673.0, Zh), "1.87万");
    assert_eq!(compact(99_999_999.0, Zh), "1亿");
    assert_eq!(compact(1e8, Zh), "1亿");
    assert_eq!(compact(18673.0, En), "18.7k");
    assert_eq!(compact(2.5e6, En), "2.5M");
    assert_eq!(compact(1e9, En), "1bn");
    assert_eq!(compact(-20000.0, Zh), "-2万");
}

#[test]
fn quantities_read_naturally() {
    use Qualifier::*;
    assert_eq!(quantity(713.74, Unit::BnYuan, 2, Exact, Zh, Style::Full), "7,137.4亿元");
    assert_eq!(quantity(7137.4, Unit::YiYuan, 1, Exact, En, Style::Full), "CNY 713.74 bn");
    assert_eq!(quantity(2.7, Unit::WanVehicles, 1, Exact, Zh, Style::Full), "2.7万辆");
    assert_eq!(quantity(2.7, Unit::WanVehicles, 1, Exact, En, Style::Full), "27,000 vehicles");
    assert_eq!(quantity(60.0, Unit::Pct, 0, MoreThan, Zh, Style::Full), "超60%");
    assert_eq!(quantity(60.0, Unit::Pct, 0, MoreThan, En, Style::Full), "more than 60%");
    assert_eq!(quantity(60.0, Unit::Pct, 0, MoreThan, En, Style::Label), ">60%");
    assert_eq!(quantity(2.0 / 3.0, Unit::Fraction, 0, Nearly, Zh, Style::Full), "近2/3");
    assert_eq!(quantity(18673.0, Unit::Enterprises, 0, Exact, Zh, Style::Full), "18,673户");
    assert_eq!(quantity(18673.0, Unit::Enterprises, 0, Exact, Zh, Style::Label), "1.87万户");
    assert_eq!(quantity(18673.0, Unit::Enterprises, 0, Exact, En, Style::Full), "18,673 enterprises");
    assert_eq!(quantity(14200.0, Unit::Vehicles, 0, About, En, Style::Full), "about 14,200 vehicles");
    assert_eq!(quantity(14200.0, Unit::Vehicles, 0, About, Zh, Style::Full), "约1.42万辆");
}

#[test]
fn derived_values_get_three_significant_digits() {
    assert_eq!(round_sig(14173.23, 3), 14200.0);
    assert_eq!(round_sig(4282.44, 3), 4280.0);
    assert_eq!(decimals_for_sig(4.232, 3), 2);
    assert_eq!(decimals_for_sig(6515.1, 3), 0);
}

#[test]
fn ticks() {
    assert_eq!(tick(20000.0, Unit::Vehicles, 10000.0, Zh), "2万");
    assert_eq!(tick(20000.0, Unit::Vehicles, 10000.0, En), "20k");
    assert_eq!(tick(2000.0, Unit::YiYuan, 2000.0, Zh), "2,000");
    assert_eq!(tick(60.0, Unit::Pct, 20.0, En), "60%");
    assert_eq!(tick(0.5, Unit::Km2, 0.5, En), "0.5");
}
