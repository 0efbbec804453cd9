package collector

import (
	"regexp"
	"strings"
	"time"
)

// End of security support per release line, compiled on 2026-12-04 from:
//   - PHP: php.net/supported-versions.php and php.net/eol.php. The release
//     cycle RFC of 2024 moved the end of 8.1 and later to 31 December.
//   - MySQL: the Oracle Lifetime Support Policy (end of Extended Support;
//     dates given by month are set to the month's last day) and the MySQL
//     release-model page: an Innovation release is supported until the
//     next Innovation or LTS release comes out, so its end is that
//     release's GA date.
//   - MariaDB: the maintenance policy on mariadb.org/about, five years
//     after GA for regular and long-term releases before 11.8, one year
//     or one quarter for short-term releases, three years for 11.8 LTS.
//
// A release line that is missing (PHP 9, MySQL 9.5, 9.6 and 9.7, MariaDB
// 11.5 to 11.7 and 12.x) gets no series: no date is better than a guessed
// one. Update this table when a vendor publishes a new line.
var (
	phpSupportEnd = map[string]time.Time{
		"5.6": day(2018, 12, 31),
		"7.0": day(2019, 1, 10),
		"7.1": day(2019, 12, 1),
		"7.2": day(2020, 11, 30),
		"7.3": day(2021, 12, 6),
		"7.4": day(2022, 11, 28),
		"8.0": day(2023, 11, 26),
		"8.1": day(2025, 12, 31),
		"8.2": day(2026, 12, 31),
		"8.3": day(2027, 12, 31),
		"8.4": day(2028, 12, 31),
		"8.5": day(2029, 12, 31),
	}

	mysqlSupportEnd = map[string]time.Time{
		"5.5": day(2018, 12, 31),
		"5.6": day(2021, 2, 28),
		"5.7": day(2023, 10, 31),
		"8.0": day(2026, 4, 30),
		// Innovation releases: the GA date of the next release.
		// NOTE: the 9.x dates are from the vendor's release announcements
		// as remembered on the compile date; they were not re-checked
		// against a vendor page.
		"8.1": day(2023, 10, 25),
		"8.2": day(2024, 1, 16),
		"8.3": day(2024, 4, 30),
		"8.4": day(2032, 4, 30), // LTS: 5 years Premier plus 3 years Extended Support.
		"9.0": day(2024, 10, 15),
		"9.1": day(2025, 1, 21),
		"9.2": day(2025, 4, 15),
		"9.3": day(2025, 7, 22),
		"9.4": day(2025, 10, 21),
	}

	mariadbSupportEnd = map[string]time.Time{
		"5.5":   day(2020, 4, 11),
		"10.0":  day(2019, 3, 31),
		"10.1":  day(2020, 10, 17),
		"10.2":  day(2022, 5, 23),
		"10.3":  day(2023, 5, 25),
		"10.4":  day(2024, 6, 18),
		"10.5":  day(2025, 6, 24),
		"10.6":  day(2026, 7, 6),
		"10.7":  day(2023, 2, 9),
		"10.8":  day(2023, 5, 20),
		"10.9":  day(2023, 8, 22),
		"10.10": day(2023, 11, 17),
		"10.11": day(2028, 2, 16),
		"11.0":  day(2024, 6, 6),
		"11.1":  day(2024, 8, 21),
		"11.2":  day(2024, 11, 21),
		"11.3":  day(2024, 5, 29),
		"11.4":  day(2029, 5, 29),
		// NOTE: three years after GA as announced for 11.8 LTS; the
		// mariadb.org table was not re-checked on the compile date.
		"11.8": day(2028, 6, 4),
	}
)

// day returns 00:00 UTC on the vendor's last day of support.
func day(year int, month time.Month, d int) time.Time {
	return time.Date(year, month, d, 0, 0, 0, 0, time.UTC)
}

// releaseLine matches the major.minor prefix of a version such as
// "8.2.12", "8.2.12-1+deb12u1" or "10.11.6-MariaDB-0+deb12u1".
var releaseLine = regexp.MustCompile(`^\s*v?([0-9]+)\.([0-9]+)`)

func lineOf(version string) (string, bool) {
	m := releaseLine.FindStringSubmatch(version)
	if m == nil {
		return "", false
	}
	// "08.2" is not a version any vendor writes; keep the digits as given.
	return m[1] + "." + m[2], true
}

// PHPSupportEnd returns when security support for the release line of a
// PHP version ends. ok is false for a version the built-in table does not
// list.
func PHPSupportEnd(version string) (end time.Time, ok bool) {
	line, ok := lineOf(version)
	if !ok {
		return time.Time{}, false
	}
	end, ok = phpSupportEnd[line]
	return end, ok
}

// DatabaseSupportEnd returns when security support for the release line of
// a database server ends. flavor is mysql, mariadb or percona (which
// follows the MySQL release lines); an empty flavor is taken from the
// version string. ok is false for TiDB, an unknown flavor or a release
// line the built-in table does not list.
func DatabaseSupportEnd(flavor, version string) (end time.Time, ok bool) {
	flavor = strings.ToLower(strings.TrimSpace(flavor))
	if flavor == "" {
		flavor = "mysql"
		if strings.Contains(strings.ToLower(version), "mariadb") {
			flavor = "mariadb"
		}
	}

	var table map[string]time.Time
	switch flavor {
	case "mysql", "percona":
		table = mysqlSupportEnd
	case "mariadb":
		table = mariadbSupportEnd
		// MariaDB 10 and later announce themselves as "5.5.5-10.x.y" in the
		// protocol handshake.
		version = strings.TrimPrefix(strings.TrimSpace(version), "5.5.5-")
	default:
		return time.Time{}, false
	}

	line, ok := lineOf(version)
	if !ok {
		return time.Time{}, false
	}
	end, ok = table[line]
	return end, ok
}
