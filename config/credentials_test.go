package config

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func credentialsFile(name string) string {
	return filepath.Join("..", "testdata", "credentials", name)
}

func TestLoadCredentials(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  string
		want Credentials
	}{
		{"file with password", "good.cnf", "from-env", Credentials{
			User: "matomo_exporter", Password: "ro#Secret 1", Host: "db.example.test", Port: 3307,
			SSLCA: "/etc/mysql/ca.pem", SSLSkipVerify: true, SSLSkipVerifySet: true,
		}},
		{"password from environment", "no-password.cnf", "from-env", Credentials{User: "matomo_exporter", Password: "from-env"}},
		{"no password anywhere", "no-password.cnf", "", Credentials{User: "matomo_exporter"}},
		{"socket", "socket.cnf", "from-env", Credentials{User: "matomo_exporter", Password: "plainSecret42", Socket: "/run/mysqld/mysqld.sock"}},
		{"escapes, case and underscores", "escapes.cnf", "", Credentials{
			User: "exporter", Password: "tab\there\\back space",
			SSLCert: "/etc/mysql/client-cert.pem", SSLKey: "/etc/mysql/client-key.pem", SSLSkipVerifySet: true,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(PasswordEnv, tt.env)
			got, err := LoadCredentials(credentialsFile(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path = credentialsFile(tt.file)
			if !reflect.DeepEqual(got, tt.want) {
				type plain Credentials
				t.Errorf("LoadCredentials() =\n%+v\nwant\n%+v", plain(got), plain(tt.want))
			}
		})
	}
}

func TestLoadCredentialsErrors(t *testing.T) {
	// Every file here holds hiddenSecret7 as its password.
	const secret = "hiddenSecret7"
	missing := filepath.Join(t.TempDir(), "missing.cnf")
	tests := []struct {
		name     string
		path     string
		contains []string
	}{
		{"missing file", missing, []string{missing, "not found", "[client]"}},
		{"no [client] section", credentialsFile("no-client.cnf"), []string{"no-client.cnf", "no [client] section"}},
		{"no user", credentialsFile("no-user.cnf"), []string{"no-user.cnf", "no user"}},
		{"invalid port", credentialsFile("bad-port.cnf"), []string{"bad-port.cnf", "line 4", `invalid port "mysql"`}},
		{"unclosed quote", credentialsFile("unclosed-quote.cnf"), []string{"unclosed-quote.cnf", "line 3", "not closed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(PasswordEnv, secret)
			_, err := LoadCredentials(tt.path)
			if err == nil {
				t.Fatal("LoadCredentials succeeded, want an error")
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %q contains the password", err)
			}
		})
	}
}

func TestCredentialsNeverPrintPassword(t *testing.T) {
	c, err := LoadCredentials(credentialsFile("socket.cnf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		if out := fmt.Sprintf(format, c); strings.Contains(out, c.Password) {
			t.Errorf("%s prints the password: %s", format, out)
		}
	}
}

func TestCredentialsApply(t *testing.T) {
	matomo := DatabaseSettings{
		Host: "127.0.0.1", Port: 3306, Username: "matomo", Password: "matomo-pass", DBName: "matomo",
		TablesPrefix: "matomo_", Charset: "utf8mb4", EnableSSL: true, SSLCA: "/matomo/ca.pem",
	}
	socketSettings := matomo
	socketSettings.Host, socketSettings.Port, socketSettings.Socket = "", 0, "/run/matomo.sock"
	tests := []struct {
		name  string
		creds Credentials
		in    DatabaseSettings
		want  func(d *DatabaseSettings)
	}{
		{"account only", Credentials{User: "ro", Password: "ro-pass"}, matomo, func(d *DatabaseSettings) {
			d.Username, d.Password = "ro", "ro-pass"
		}},
		{"empty password replaces Matomo's", Credentials{User: "ro"}, matomo, func(d *DatabaseSettings) {
			d.Username, d.Password = "ro", ""
		}},
		{"host and port", Credentials{User: "ro", Host: "replica.example.test", Port: 3307}, matomo, func(d *DatabaseSettings) {
			d.Username, d.Password, d.Host, d.Port = "ro", "", "replica.example.test", 3307
		}},
		{"host with port", Credentials{User: "ro", Host: "[::1]:3308"}, matomo, func(d *DatabaseSettings) {
			d.Username, d.Password, d.Host, d.Port = "ro", "", "::1", 3308
		}},
		{"host replaces Matomo's socket", Credentials{User: "ro", Host: "db"}, socketSettings, func(d *DatabaseSettings) {
			d.Username, d.Password, d.Host, d.Socket = "ro", "", "db", ""
		}},
		{"socket wins", Credentials{User: "ro", Host: "db", Socket: "/run/mysqld/mysqld.sock"}, matomo, func(d *DatabaseSettings) {
			d.Username, d.Password, d.Host, d.Socket = "ro", "", "", "/run/mysqld/mysqld.sock"
		}},
		{"TLS files", Credentials{User: "ro", SSLCA: "/ro/ca.pem", SSLCert: "/ro/cert.pem", SSLKey: "/ro/key.pem"}, DatabaseSettings{Host: "db", Port: 3306}, func(d *DatabaseSettings) {
			d.Username, d.EnableSSL, d.SSLCA, d.SSLCert, d.SSLKey = "ro", true, "/ro/ca.pem", "/ro/cert.pem", "/ro/key.pem"
		}},
		{"skip verify", Credentials{User: "ro", SSLSkipVerify: true, SSLSkipVerifySet: true}, matomo, func(d *DatabaseSettings) {
			d.Username, d.Password, d.SSLNoVerify = "ro", "", true
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.in
			tt.want(&want)
			if got := tt.creds.Apply(tt.in); !reflect.DeepEqual(got, want) {
				t.Errorf("Apply() =\n%s\nwant\n%s", fieldsOf(got), fieldsOf(want))
			}
		})
	}
}
