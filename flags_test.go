package main

import (
	"strings"
	"testing"

	"github.com/alecthomas/kingpin/v2"
)

func TestParseFlagsRejectsBadValues(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"nothing to watch", nil, "nothing to watch"},
		{"bad duration", []string{"--matomo.url=http://127.0.0.1/", "--collector.users.inactive-after=abc"}, "collector.users.inactive-after"},
		{"zero duration", []string{"--matomo.url=http://127.0.0.1/", "--collector.tokens.unused-after=0"}, "collector.tokens.unused-after"},
		{"negative duration", []string{"--matomo.url=http://127.0.0.1/", "--collector.users.inactive-after=-5d"}, "collector.users.inactive-after"},
		{"zero collector timeout", []string{"--matomo.url=http://127.0.0.1/", "--collector.timeout=0s"}, "--collector.timeout"},
		{"negative offset", []string{"--matomo.url=http://127.0.0.1/", "--scrape.timeout-offset=-5s"}, "--scrape.timeout-offset"},
		{"relative telemetry path", []string{"--matomo.url=http://127.0.0.1/", "--web.telemetry-path=x"}, "--web.telemetry-path"},
		{"telemetry path on probe", []string{"--matomo.url=http://127.0.0.1/", "--web.telemetry-path=/probe"}, "--web.telemetry-path"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := kingpin.New("test", "")
			_, err := parseFlags(app, tc.args)
			if err == nil {
				t.Fatalf("parseFlags(%q) succeeded, want an error naming %q", tc.args, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not name %q", err, tc.wantErr)
			}
		})
	}

	app := kingpin.New("test", "")
	f, err := parseFlags(app, []string{"--matomo.config-file=/srv/matomo/config/config.ini.php", "--collector.users.inactive-after=30d"})
	if err != nil {
		t.Fatalf("valid flags rejected: %v", err)
	}
	if got := f.opts.InactiveAfter.Hours(); got != 720 {
		t.Errorf("inactive-after = %vh, want 720h", got)
	}
}
