package collector

import (
	"regexp"
	"testing"
	"time"
)

func TestEOLPHPSupportEnd(t *testing.T) {
	tests := []struct {
		version string
		want    time.Time
		ok      bool
	}{
		{"7.2.34", day(2020, 11, 30), true},
		{"7.4.33-nmm1", day(2022, 11, 28), true},
		{"8.1.2", day(2025, 12, 31), true},
		{"8.2.12-1+deb12u1", day(2026, 12, 31), true},
		{"8.3.0", day(2027, 12, 31), true},
		{"8.4.1", day(2028, 12, 31), true},
		{"8.5.0", day(2029, 12, 31), true},
		{"8.6.0", time.Time{}, false},
		{"9.0.0", time.Time{}, false},
		{"5.5.38", time.Time{}, false},
		{"", time.Time{}, false},
		{"unknown", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := PHPSupportEnd(tt.version)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("PHPSupportEnd(%q) = %v, %v; want %v, %v", tt.version, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEOLDatabaseSupportEnd(t *testing.T) {
	tests := []struct {
		flavor, version string
		want            time.Time
		ok              bool
	}{
		{"mysql", "8.0.36-0ubuntu0.22.04.1", day(2026, 4, 30), true},
		{"mysql", "5.7.44", day(2023, 10, 31), true},
		{"mysql", "8.4.3", day(2032, 4, 30), true},
		{"mysql", "8.2.0", day(2024, 1, 16), true},
		{"MySQL", "8.0.40", day(2026, 4, 30), true},
		{"percona", "8.0.36-28", day(2026, 4, 30), true},
		{"mysql", "9.7.0", time.Time{}, false},
		{"mariadb", "10.11.6-MariaDB-0+deb12u1", day(2028, 2, 16), true},
		{"mariadb", "5.5.5-10.6.18-MariaDB", day(2026, 7, 6), true},
		{"mariadb", "11.4.2-MariaDB", day(2029, 5, 29), true},
		{"mariadb", "10.10.7", day(2023, 11, 17), true},
		{"mariadb", "12.0.2-MariaDB", time.Time{}, false},
		{"", "10.5.23-MariaDB", day(2025, 6, 24), true},
		{"", "5.7.44-log", day(2023, 10, 31), true},
		{"tidb", "7.5.0", time.Time{}, false},
		{"mysql", "garbage", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := DatabaseSupportEnd(tt.flavor, tt.version)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("DatabaseSupportEnd(%q, %q) = %v, %v; want %v, %v", tt.flavor, tt.version, got, ok, tt.want, tt.ok)
		}
	}
}

// Every key must be a release line, so that lookups by major.minor reach
// it, and every date must be plausible for that product.
func TestEOLTables(t *testing.T) {
	line := regexp.MustCompile(`^[0-9]+\.[0-9]+$`)
	tables := map[string]map[string]time.Time{
		"php": phpSupportEnd, "mysql": mysqlSupportEnd, "mariadb": mariadbSupportEnd,
	}
	for name, table := range tables {
		for key, end := range table {
			if !line.MatchString(key) {
				t.Errorf("%s table: key %q is not a major.minor release line", name, key)
			}
			if end.Year() < 2015 || end.Year() > 2040 {
				t.Errorf("%s %s: end of support %v is implausible", name, key, end)
			}
			if end.Location() != time.UTC || end.Hour() != 0 {
				t.Errorf("%s %s: %v is not midnight UTC", name, key, end)
			}
		}
	}
}
