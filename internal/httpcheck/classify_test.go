package httpcheck

import (
	"strings"
	"testing"
)

const htmlPage = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>[General] is not config</body></html>"

func TestServesPrivateFile(t *testing.T) {
	tests := []struct {
		path string
		body string
		want bool
	}{
		{"config/config.ini.php", "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[database]\nhost = localhost\n", true},
		{"config/config.ini.php", ";", true},
		{"config/config.ini.php", "; ", true},
		{"config/config.ini.php", "", true},
		{"config/config.ini.php", "[General]\ntrusted_hosts[] = \"a\"\n", true},
		{"config/config.ini.php", htmlPage, false},
		{"config/config.ini.php", "Not found", false},
		{"config/global.ini.php", "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[General]\n", true},
		{"tmp/cache/tracker/matomocache_general.php", "<?php return array();", true},
		{"tmp/cache/tracker/matomocache_general.php", "", true},
		{"tmp/cache/tracker/matomocache_general.php", "OK", false},
		{"core/Piwik.php", "<?php\nnamespace Piwik;", true},
		{"core/Piwik.php", htmlPage, false},
		{".git/config", "[core]\n\trepositoryformatversion = 0\n", true},
		{".git/config", "", false},
		{".git/config", htmlPage, false},
		{"tmp/empty", "test", true},
		{"tmp/empty", "", true},
		{"tmp/empty", "test page", false},
		{"lang/en.json", `{"General": {"Ok": "OK"`, true},
		{"lang/en.json", "{}", true},
		{"lang/en.json", `["General"]`, false},
		{"lang/en.json", htmlPage, false},
		{"lang/en.json", "", false},
		{"unknown/path", "anything", false},
	}
	for _, tt := range tests {
		if got := servesPrivateFile(tt.path, []byte(tt.body)); got != tt.want {
			t.Errorf("servesPrivateFile(%q, %q) = %v, want %v", tt.path, tt.body, got, tt.want)
		}
	}
}

func TestHSTSMaxAge(t *testing.T) {
	tests := []struct {
		header string
		want   int64
	}{
		{"max-age=31536000; includeSubDomains; preload", 31536000},
		{"includeSubDomains; Max-Age=\"600\"", 600},
		{"max-age=0", 0},
		{"max-age=-5", -1},
		{"max-age=abc", -1},
		{"includeSubDomains", -1},
		{"", -1},
	}
	for _, tt := range tests {
		if got := hstsMaxAge(tt.header); got != tt.want {
			t.Errorf("hstsMaxAge(%q) = %d, want %d", tt.header, got, tt.want)
		}
	}
}

func TestLabelValue(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"nginx/1.24.0", 64, "nginx/1.24.0"},
		{" Apache\x00/2.4\n", 64, "Apache/2.4"},
		{"bad\xffutf8", 64, "bad?utf8"},
		{strings.Repeat("a", 70), 64, strings.Repeat("a", 64)},
		{"aé", 2, "a"}, // never cut inside a rune
	}
	for _, tt := range tests {
		if got := labelValue(tt.in, tt.limit); got != tt.want {
			t.Errorf("labelValue(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestBannerPatterns(t *testing.T) {
	servers := map[string]bool{
		"nginx":                  false,
		"nginx/1.24.0":           true,
		"Apache":                 false,
		"Apache/2.4.57 (Debian)": true,
		"Microsoft-IIS/10.0":     true,
		"cloudflare":             false,
		"LiteSpeed":              false,
	}
	for header, want := range servers {
		if got := serverVersion.MatchString(header); got != want {
			t.Errorf("server version in %q = %v, want %v", header, got, want)
		}
	}

	powered := map[string]string{
		"PHP/8.2.12":         "8.2.12",
		"PHP/7.4.33-nmm1":    "7.4.33-nmm1",
		"php/8.1":            "8.1",
		"ASP.NET":            "",
		"PHP":                "",
		"Express, PHP/8.3.0": "8.3.0",
	}
	for header, want := range powered {
		got := ""
		if m := phpVersion.FindStringSubmatch(header); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("PHP version in %q = %q, want %q", header, got, want)
		}
	}
}
