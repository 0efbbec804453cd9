package filecheck

import "testing"

func TestWildcardMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"*.htaccess", ".htaccess", true},
		{"*.htaccess", "plugins/foo/.htaccess", true},
		{"*.htaccess", "plugins/foo/.htaccess.bak", false},
		{"tmp/*", "tmp/cache/tracker/a.php", true},
		{"tmp/*", "tmpfile", false},
		{"config/*.config.ini.php", "config/example.org.config.ini.php", true},
		{"config/*.config.ini.php", "config/config.ini.php", false},
		{"misc/user/*png", "misc/user/sub/logo.png", true},
		{"google*.html", "google1234.html", true},
		{"google*.html", "sub/google1234.html", false},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"**", "", true},
		{"", "x", false},
	}
	for _, tt := range tests {
		if got := wildcardMatch(tt.pattern, tt.name); got != tt.want {
			t.Errorf("wildcardMatch(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestIsIgnored(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"config/config.ini.php", true},
		{"CONFIG/Config.ini.php", true}, // FNM_CASEFOLD
		{"config/config.ini.php.bak", false},
		{"plugins/Foo/config/config.php", true},
		{"misc/user/logo.svg", true},
		{"misc/GeoLite2-City.mmdb", true},
		{"robots.txt", true},
		{"sub/robots.txt", false},
		{"core/shell.php", false},
		{".user.ini", true},
		{"libs/x/.gitignore", true},
	}
	for _, tt := range tests {
		if got := isIgnored(tt.path); got != tt.want {
			t.Errorf("isIgnored(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestIsIgnoredDir(t *testing.T) {
	tests := []struct {
		dir  string
		want bool
	}{
		{"tmp", true},
		{"tmp/cache", true},
		{"Tmp", true},
		{"tmpx", false},
		{"vendor/szymach/c-pchart/app", true},
		{"vendor/szymach/c-pchart", false},
		{"misc/user", false},
	}
	for _, tt := range tests {
		if got := isIgnoredDir(tt.dir); got != tt.want {
			t.Errorf("isIgnoredDir(%q) = %v, want %v", tt.dir, got, tt.want)
		}
	}
}
