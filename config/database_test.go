package config

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
)

func TestDatabaseAddress(t *testing.T) {
	tests := []struct {
		name      string
		section   string
		host      string
		port      int
		socket    string
		addr      string
		mysqlNet  string
		mysqlAddr string
	}{
		{"host with port", `host = "db:3307"`, "db", 3307, "", "db:3307", "tcp", "db:3307"},
		{"host port wins over port key", "host = \"db:3308\"\nport = 3307", "db", 3308, "", "db:3308", "tcp", "db:3308"},
		{"IPv4", "host = 192.0.2.10\nport = 3306", "192.0.2.10", 3306, "", "192.0.2.10:3306", "tcp", "192.0.2.10:3306"},
		{"IPv6 bare", `host = "::1"`, "::1", 3306, "", "[::1]:3306", "tcp", "[::1]:3306"},
		{"IPv6 bracketed with port", `host = "[::1]:3307"`, "::1", 3307, "", "[::1]:3307", "tcp", "[::1]:3307"},
		{"IPv6 bracketed", `host = "[2001:db8::1]"`, "2001:db8::1", 3306, "", "[2001:db8::1]:3306", "tcp", "[2001:db8::1]:3306"},
		{"socket in port", "host = \"db\"\nport = \"/run/mysqld/mysqld.sock\"", "", 0, "/run/mysqld/mysqld.sock", "unix(/run/mysqld/mysqld.sock)", "unix", "/run/mysqld/mysqld.sock"},
		{"socket in host", `host = "/var/run/mysqld/mysqld.sock"`, "", 3306, "/var/run/mysqld/mysqld.sock", "unix(/var/run/mysqld/mysqld.sock)", "unix", "/var/run/mysqld/mysqld.sock"},
		{"empty host", `host = ""`, "", 3306, "", "localhost:3306", "tcp", "localhost:3306"},
		{"name with non-numeric suffix", `host = "db:abc"`, "db:abc", 3306, "", "[db:abc]:3306", "tcp", "[db:abc]:3306"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadConfig(t, "[database]\n"+tt.section+"\n").Database()
			if d.Host != tt.host || d.Port != tt.port || d.Socket != tt.socket {
				t.Errorf("Host, Port, Socket = %q, %d, %q, want %q, %d, %q", d.Host, d.Port, d.Socket, tt.host, tt.port, tt.socket)
			}
			if d.Addr() != tt.addr {
				t.Errorf("Addr() = %q, want %q", d.Addr(), tt.addr)
			}
			cfg, err := d.MySQLConfig()
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Net != tt.mysqlNet || cfg.Addr != tt.mysqlAddr {
				t.Errorf("mysql Net, Addr = %q, %q, want %q, %q", cfg.Net, cfg.Addr, tt.mysqlNet, tt.mysqlAddr)
			}
		})
	}
}

func TestDatabaseSettingsFields(t *testing.T) {
	tests := []struct {
		name    string
		section string
		want    DatabaseSettings
	}{
		{"defaults", "host = db", DatabaseSettings{Host: "db", Port: 3306, Charset: "utf8", Adapter: `PDO\MYSQL`}},
		{"piwik prefix and charset", "host = db\ntables_prefix = \"piwik_\"\ncharset = utf8mb4\ncollation = utf8mb4_general_ci\nusername = u\npassword = \"p\"\ndbname = matomo\nadapter = MYSQLI",
			DatabaseSettings{Host: "db", Port: 3306, Username: "u", Password: "p", DBName: "matomo", TablesPrefix: "piwik_", Charset: "utf8mb4", Collation: "utf8mb4_general_ci", Adapter: "MYSQLI"}},
		{"ssl keys", corpusFile(t, "ssl.ini.php"), DatabaseSettings{Host: "db.example.com", Port: 3306, Charset: "utf8", Adapter: `PDO\MYSQL`,
			EnableSSL: true, SSLCA: "/etc/mysql/ca.pem", SSLCert: "/etc/mysql/client-cert.pem", SSLKey: "/etc/mysql/client-key.pem",
			SSLCipher: "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA", SSLNoVerify: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.section
			if !strings.Contains(src, "[database]") {
				src = "[database]\n" + src + "\n"
			}
			got := loadConfig(t, src).Database()
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Database() =\n%#v\nwant\n%#v\n(fields: %+v)", got, tt.want, fieldsOf(got))
			}
		})
	}
}

// fieldsOf prints every field including the password, for failure messages
// of tests that use test passwords only.
func fieldsOf(d DatabaseSettings) string {
	type plain DatabaseSettings
	return fmt.Sprintf("%+v", plain(d))
}

func TestDatabaseMySQLConfig(t *testing.T) {
	d := loadConfig(t, corpusFile(t, "matomo-written-config.ini.php")).Database()
	cfg, err := d.MySQLConfig()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.User != "matomo" || cfg.Passwd != `p&ss"$1` || cfg.DBName != "matomo" {
		t.Errorf("User, DBName = %q, %q; password decoded: %v", cfg.User, cfg.DBName, cfg.Passwd == `p&ss"$1`)
	}
	if cfg.Net != "tcp" || cfg.Addr != "127.0.0.1:3306" {
		t.Errorf("Net, Addr = %q, %q", cfg.Net, cfg.Addr)
	}
	if cfg.Timeout != 5*time.Second || cfg.ReadTimeout != 30*time.Second || cfg.WriteTimeout != 30*time.Second {
		t.Errorf("timeouts = %v, %v, %v", cfg.Timeout, cfg.ReadTimeout, cfg.WriteTimeout)
	}
	if cfg.ParseTime || cfg.TLS != nil {
		t.Errorf("ParseTime = %v, TLS = %v, want false and nil", cfg.ParseTime, cfg.TLS)
	}
	if cfg.Collation != "utf8mb4_general_ci" || !strings.Contains(cfg.FormatDSN(), "charset=utf8mb4") {
		t.Errorf("Collation = %q, DSN params without charset=utf8mb4", cfg.Collation)
	}
}

func TestDatabaseInvalidPort(t *testing.T) {
	d := loadConfig(t, "[database]\nhost = db\nport = 70000\n").Database()
	if _, err := d.MySQLConfig(); err == nil || !strings.Contains(err.Error(), "70000") {
		t.Errorf("MySQLConfig() error = %v, want one naming port 70000", err)
	}
}

func TestDatabaseNeverPrintsPassword(t *testing.T) {
	const secret = "Pr1nt-Me-N0t"
	d := DatabaseSettings{Host: "db", Port: 3306, Username: "u", Password: secret, DBName: "matomo"}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		if out := fmt.Sprintf(format, d); strings.Contains(out, secret) {
			t.Errorf("%s prints the password: %s", format, out)
		}
	}
	if strings.Contains(d.Addr(), secret) {
		t.Error("Addr() contains the password")
	}
}

// testPKI is a throwaway CA with a server and a client certificate, written
// as PEM files.
type testPKI struct {
	dir                   string
	caFile                string
	serverCert            tls.Certificate
	clientCert, clientKey string
	caPool                *x509.CertPool
}

func newTestPKI(t *testing.T, serverNames ...string) testPKI {
	t.Helper()
	dir := t.TempDir()
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	writePEM := func(name, kind string, der []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}

	now := time.Now()
	caKey := newKey()
	caTemplate := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTemplate, caTemplate, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)

	issue := func(serial int64, cn string, usage x509.ExtKeyUsage, names []string) ([]byte, *ecdsa.PrivateKey) {
		key := newKey()
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn},
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
			KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
		}
		for _, n := range names {
			if ip := net.ParseIP(n); ip != nil {
				tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
			} else {
				tmpl.DNSNames = append(tmpl.DNSNames, n)
			}
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		return der, key
	}

	serverDER, serverKey := issue(2, "server", x509.ExtKeyUsageServerAuth, serverNames)
	clientDER, clientKey := issue(3, "matomo_exporter", x509.ExtKeyUsageClientAuth, nil)
	clientKeyDER, err := x509.MarshalECPrivateKey(clientKey)
	if err != nil {
		t.Fatal(err)
	}

	p := testPKI{
		dir:        dir,
		caFile:     writePEM("ca.pem", "CERTIFICATE", caDER),
		clientCert: writePEM("client-cert.pem", "CERTIFICATE", clientDER),
		clientKey:  writePEM("client-key.pem", "EC PRIVATE KEY", clientKeyDER),
		serverCert: tls.Certificate{Certificate: [][]byte{serverDER}, PrivateKey: serverKey},
		caPool:     x509.NewCertPool(),
	}
	p.caPool.AddCert(ca)
	return p
}

// handshake runs a TLS handshake over loopback TCP between client and a
// server that requires a client certificate from the test CA. It returns the
// client's error and the common name of the client certificate the server
// saw.
func (p testPKI) handshake(t *testing.T, client *tls.Config) (string, error) {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{
		Certificates: []tls.Certificate{p.serverCert},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    p.caPool,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	done := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			done <- ""
			return
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
		tc := conn.(*tls.Conn)
		if err := tc.Handshake(); err != nil || len(tc.ConnectionState().PeerCertificates) == 0 {
			done <- ""
			return
		}
		done <- tc.ConnectionState().PeerCertificates[0].Subject.CommonName
	}()

	raw, err := net.DialTimeout("tcp", ln.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_ = raw.SetDeadline(time.Now().Add(10 * time.Second))
	conn := tls.Client(raw, client)
	err = conn.Handshake()
	conn.Close()
	return <-done, err
}

func TestDatabaseTLS(t *testing.T) {
	pki := newTestPKI(t, "db.example.test", "127.0.0.1")
	caDir := filepath.Join(t.TempDir(), "certs")
	if err := os.Mkdir(caDir, 0o755); err != nil {
		t.Fatal(err)
	}
	caPEM, _ := os.ReadFile(pki.caFile)
	if err := os.WriteFile(filepath.Join(caDir, "ca.pem"), caPEM, 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name       string
		settings   DatabaseSettings
		wantCN     string
		wantFailed bool
	}{
		{"CA, certificate and key", DatabaseSettings{Host: "db.example.test", Port: 3306, EnableSSL: true, SSLCA: pki.caFile, SSLCert: pki.clientCert, SSLKey: pki.clientKey}, "matomo_exporter", false},
		{"IP address host", DatabaseSettings{Host: "127.0.0.1", Port: 3306, EnableSSL: true, SSLCA: pki.caFile, SSLCert: pki.clientCert, SSLKey: pki.clientKey}, "matomo_exporter", false},
		{"CA directory", DatabaseSettings{Host: "db.example.test", Port: 3306, EnableSSL: true, SSLCAPath: caDir, SSLCert: pki.clientCert, SSLKey: pki.clientKey}, "matomo_exporter", false},
		{"wrong host name", DatabaseSettings{Host: "other.example.test", Port: 3306, EnableSSL: true, SSLCA: pki.caFile, SSLCert: pki.clientCert, SSLKey: pki.clientKey}, "", true},
		{"wrong host name without verification", DatabaseSettings{Host: "other.example.test", Port: 3306, EnableSSL: true, SSLCA: pki.caFile, SSLCert: pki.clientCert, SSLKey: pki.clientKey, SSLNoVerify: true}, "matomo_exporter", false},
		{"unknown CA without verification", DatabaseSettings{Host: "db.example.test", Port: 3306, EnableSSL: true, SSLCert: pki.clientCert, SSLKey: pki.clientKey, SSLNoVerify: true}, "matomo_exporter", false},
		{"unknown CA", DatabaseSettings{Host: "db.example.test", Port: 3306, EnableSSL: true, SSLCert: pki.clientCert, SSLKey: pki.clientKey}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := tt.settings.MySQLConfig()
			if err != nil {
				t.Fatal(err)
			}
			if cfg.TLS == nil {
				t.Fatal("TLS is nil with enable_ssl = 1")
			}
			if cfg.TLS.InsecureSkipVerify != tt.settings.SSLNoVerify {
				t.Errorf("InsecureSkipVerify = %v, want %v", cfg.TLS.InsecureSkipVerify, tt.settings.SSLNoVerify)
			}
			cn, err := pki.handshake(t, cfg.TLS)
			if tt.wantFailed {
				if err == nil {
					t.Error("handshake succeeded, want a verification failure")
				}
				return
			}
			if err != nil {
				t.Fatalf("handshake: %v", err)
			}
			if cn != tt.wantCN {
				t.Errorf("server saw client certificate %q, want %q", cn, tt.wantCN)
			}
		})
	}
}

func TestDatabaseTLSErrors(t *testing.T) {
	pki := newTestPKI(t, "db.example.test")
	missing := filepath.Join(t.TempDir(), "missing-ca.pem")
	notPEM := filepath.Join(t.TempDir(), "not.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		settings DatabaseSettings
		contains string
	}{
		{"missing CA file", DatabaseSettings{Host: "db", EnableSSL: true, SSLCA: missing}, missing},
		{"CA file without certificate", DatabaseSettings{Host: "db", EnableSSL: true, SSLCA: notPEM}, "contains no PEM certificate"},
		{"empty CA directory", DatabaseSettings{Host: "db", EnableSSL: true, SSLCAPath: t.TempDir()}, "ssl_ca_path"},
		{"certificate without key", DatabaseSettings{Host: "db", EnableSSL: true, SSLCert: pki.clientCert}, "both ssl_cert and ssl_key"},
		{"key that does not match", DatabaseSettings{Host: "db", EnableSSL: true, SSLCert: pki.clientCert, SSLKey: pki.caFile}, pki.clientCert},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.settings.MySQLConfig()
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("MySQLConfig() error = %v, want one containing %q", err, tt.contains)
			}
		})
	}
}

func TestCipherSuites(t *testing.T) {
	tests := []struct {
		list string
		want []uint16
	}{
		{"", nil},
		{"ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA", []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}},
		{"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,AES128-SHA", []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_RSA_WITH_AES_128_CBC_SHA}},
		{"DHE-RSA-AES256-SHA", nil},
	}
	for _, tt := range tests {
		if got := cipherSuites(tt.list); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("cipherSuites(%q) = %v, want %v", tt.list, got, tt.want)
		}
	}
}

// TestDatabaseConnectsToMariaDB connects with the configuration built from a
// config.ini.php to the MariaDB on 127.0.0.1:3306 (user root, no password).
func TestDatabaseConnectsToMariaDB(t *testing.T) {
	d := loadConfig(t, `[database]
host = "127.0.0.1"
port = 3306
username = "root"
password = ""
dbname = "mysql"
charset = "utf8mb4"
collation = "utf8mb4_unicode_ci"
`).Database()
	cfg, err := d.MySQLConfig()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(connector)
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		t.Skipf("no MariaDB on %s: %v", d.Addr(), err)
	}
	var charset, collation, database string
	if err := db.QueryRowContext(ctx, "SELECT @@character_set_connection, @@collation_connection, DATABASE()").Scan(&charset, &collation, &database); err != nil {
		t.Fatal(err)
	}
	if charset != "utf8mb4" || collation != "utf8mb4_unicode_ci" || database != "mysql" {
		t.Errorf("connection charset, collation, database = %q, %q, %q, want utf8mb4, utf8mb4_unicode_ci, mysql", charset, collation, database)
	}
}
