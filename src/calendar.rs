//! Dates as article metadata gives them. The comparison measures how many
//! days apart two articles are; the calendar itself is `jiff`'s.

use jiff::civil::Date;

/// The day count since 1970-01-01 of an ISO date's first ten characters
/// ("2015-08-04 ..."), if they are a date that exists.
pub fn days_of_iso_date(date: &str) -> Option<i64> {
    // Sliced by hand rather than parsed by `jiff`: corpora append a time
    // after a space (which jiff's date parser rejects) and any separator
    // between the parts has always been accepted.
    let y: i16 = date.get(..4)?.parse().ok()?;
    let m: i8 = date.get(5..7)?.parse().ok()?;
    let d: i8 = date.get(8..10)?.parse().ok()?;
    let date = Date::new(y, m, d).ok()?;
    // A civil day is always 24 hours: no time zone, no leap seconds.
    Some(date.duration_since(Date::constant(1970, 1, 1)).as_hours() / 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_date_is_a_day_count() {
        assert_eq!(days_of_iso_date("1970-01-01"), Some(0));
        assert_eq!(days_of_iso_date("1969-12-31"), Some(-1));
        assert_eq!(days_of_iso_date("2000-02-29"), Some(11_016));
        assert_eq!(days_of_iso_date("2026-11-25"), Some(20_782));
        assert_eq!(days_of_iso_date("2015-08-04 10:00"), Some(16_651));
        assert_eq!(days_of_iso_date("2015-13-04"), None);
        assert_eq!(days_of_iso_date("2015-02-30"), None);
        assert_eq!(days_of_iso_date("2015-00-04"), None);
        assert_eq!(days_of_iso_date("2015-08"), None);
        assert_eq!(days_of_iso_date("نص"), None);
    }
}
