package config

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func targetsFile(name string) string {
	return filepath.Join("..", "testdata", "targets", name)
}

func TestLoadTargets(t *testing.T) {
	got, err := LoadTargets(targetsFile("good.ini"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "testdata", "targets")
	want := map[string]Target{
		"shop": {
			Name:            "shop",
			ConfigFile:      "/var/www/shop/config/config.ini.php",
			CredentialsFile: filepath.Join(dir, "shop.cnf"),
		},
		"cloud": {
			Name:      "cloud",
			URL:       "https://analytics.example.test/matomo/?module=API&format=json",
			TokenFile: "/etc/matomo-exporter/cloud.token",
		},
		"both": {
			Name:       "both",
			ConfigFile: filepath.Join(dir, "matomo", "config", "config.ini.php"),
			Root:       "/srv/matomo",
			URL:        "http://127.0.0.1:8080/",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LoadTargets() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLoadTargetsErrors(t *testing.T) {
	tests := []struct {
		file     string
		contains []string
	}{
		{"unknown-key.ini", []string{`unknown key "password"`, "[shop]", "config_file"}},
		{"empty-section.ini", []string{"[empty]", "neither config_file nor url"}},
		{"duplicate.ini", []string{"[shop]", "appears twice"}},
		{"duplicate-key.ini", []string{"url", "set twice", "[shop]"}},
		{"outside-section.ini", []string{`"url"`, "outside a section"}},
		{"bad-url.ini", []string{"[shop]", "not an http or https URL"}},
		{"bad-name.ini", []string{"[my shop]", "invalid target name"}},
		{"token-without-url.ini", []string{"[shop]", "token_file without url"}},
		{"no-targets.ini", []string{"defines no target"}},
		{"missing.ini", []string{"missing.ini"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := LoadTargets(targetsFile(tt.file))
			if err == nil {
				t.Fatal("LoadTargets succeeded, want an error")
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if tt.file != "missing.ini" && !strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}
