package config

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
)

// DatabaseSettings is the [database] section of Matomo's configuration.
type DatabaseSettings struct {
	Host string
	Port int
	// Socket is a unix socket path. Matomo takes a port value that starts
	// with "/" as a socket path and then ignores the host
	// (core/Db/Adapter.php, Adapter::factory).
	Socket string

	Username     string
	Password     string
	DBName       string
	TablesPrefix string
	Charset      string
	Collation    string
	// Adapter is PDO\MYSQL or MYSQLI.
	Adapter string

	EnableSSL   bool
	SSLCA       string
	SSLCert     string
	SSLKey      string
	SSLCAPath   string
	SSLCipher   string
	SSLNoVerify bool
}

// Database returns the [database] section.
//
// A host written as "name:port" or "[IPv6]:port" is split, and its port wins
// over the port key.
//
// NOTE: PHP's mysqlnd does not accept such a host at run time, and Matomo's
// installer splits it before writing the file. The exporter accepts it so
// that a hand-edited host still reaches the intended server.
func (m *Matomo) Database() DatabaseSettings {
	d := DatabaseSettings{
		Username:     m.String("database", "username", ""),
		Password:     m.String("database", "password", ""),
		DBName:       m.String("database", "dbname", ""),
		TablesPrefix: m.String("database", "tables_prefix", ""),
		Charset:      m.String("database", "charset", "utf8"),
		Collation:    m.String("database", "collation", ""),
		Adapter:      m.String("database", "adapter", `PDO\MYSQL`),
		EnableSSL:    m.Bool("database", "enable_ssl", false),
		SSLCA:        m.String("database", "ssl_ca", ""),
		SSLCert:      m.String("database", "ssl_cert", ""),
		SSLKey:       m.String("database", "ssl_key", ""),
		SSLCAPath:    m.String("database", "ssl_ca_path", ""),
		SSLCipher:    m.String("database", "ssl_cipher", ""),
		SSLNoVerify:  m.Bool("database", "ssl_no_verify", false),
	}
	port := m.String("database", "port", "3306")
	if strings.HasPrefix(port, "/") {
		d.Socket = port
	} else {
		d.Port = int(parseInt(port, 3306))
	}
	d.setHost(m.String("database", "host", ""))
	return d
}

// setHost stores host, splitting off a port or recognizing a socket path.
func (d *DatabaseSettings) setHost(host string) {
	host = strings.TrimSpace(host)
	switch {
	case d.Socket != "":
		return // the host is ignored when a socket is used
	case strings.HasPrefix(host, "/"):
		d.Socket, d.Host = host, ""
		return
	case strings.HasPrefix(host, "["):
		if h, p, err := net.SplitHostPort(host); err == nil {
			if port, err := strconv.Atoi(p); err == nil {
				d.Host, d.Port = h, port
				return
			}
		}
		if strings.HasSuffix(host, "]") {
			d.Host = host[1 : len(host)-1]
			return
		}
	case strings.Count(host, ":") == 1:
		h, p, _ := strings.Cut(host, ":")
		if port, err := strconv.Atoi(p); err == nil {
			d.Host, d.Port = h, port
			return
		}
	}
	d.Host = host
}

// Addr returns "host:port" or "unix(/path)" for logs. It never contains the
// password.
func (d DatabaseSettings) Addr() string {
	if d.Socket != "" {
		return "unix(" + d.Socket + ")"
	}
	return net.JoinHostPort(d.hostOrDefault(), strconv.Itoa(d.portOrDefault()))
}

// hostOrDefault returns "localhost" for an empty host, as PDO does.
//
// NOTE: For "localhost" PHP's MySQL drivers use the default unix socket,
// while the Go driver connects over TCP. Set port to the socket path in
// Matomo's config, or socket in the credentials file, to use the socket.
func (d DatabaseSettings) hostOrDefault() string {
	if d.Host == "" {
		return "localhost"
	}
	return d.Host
}

func (d DatabaseSettings) portOrDefault() int {
	if d.Port == 0 {
		return 3306
	}
	return d.Port
}

// String describes the settings without the password, so that printing them
// with %v or %+v is safe.
func (d DatabaseSettings) String() string {
	return fmt.Sprintf("mysql://%s@%s/%s (tables_prefix %q, TLS %t)", d.Username, d.Addr(), d.DBName, d.TablesPrefix, d.EnableSSL)
}

// GoString keeps %#v from printing the password.
func (d DatabaseSettings) GoString() string { return "config.DatabaseSettings{" + d.String() + "}" }

// Connection timeouts of the MySQL client.
const (
	dialTimeout = 5 * time.Second
	ioTimeout   = 30 * time.Second
)

// MySQLConfig returns a configuration for github.com/go-sql-driver/mysql.
// With EnableSSL it loads the CA, certificate and key files, so its errors
// name those files; they never contain the password.
func (d DatabaseSettings) MySQLConfig() (*mysql.Config, error) {
	cfg := mysql.NewConfig()
	cfg.User = d.Username
	cfg.Passwd = d.Password
	cfg.DBName = d.DBName
	if d.Socket != "" {
		cfg.Net = "unix"
		cfg.Addr = d.Socket
	} else {
		if p := d.portOrDefault(); p < 1 || p > 65535 {
			return nil, fmt.Errorf("invalid MySQL port %d in [database] port: use a number from 1 to 65535 or a socket path starting with /", d.Port)
		}
		cfg.Net = "tcp"
		cfg.Addr = d.Addr()
	}
	cfg.Timeout = dialTimeout
	cfg.ReadTimeout = ioTimeout
	cfg.WriteTimeout = ioTimeout
	cfg.ParseTime = false
	if d.Charset != "" {
		if err := cfg.Apply(mysql.Charset(d.Charset, d.Collation)); err != nil {
			return nil, fmt.Errorf("set MySQL charset %q: %w", d.Charset, err)
		}
	}
	if d.EnableSSL {
		tc, err := d.tlsConfig()
		if err != nil {
			return nil, err
		}
		cfg.TLS = tc
	}
	return cfg, nil
}

// tlsConfig maps Matomo's ssl_* keys, which PDO passes to the MySQL client
// library (core/Db/Adapter/Pdo/Mysql.php), to a tls.Config.
//
// NOTE: Without ssl_ca and ssl_ca_path the server certificate is verified
// against the system roots. PHP's mysqlnd may accept an unverifiable
// certificate there; set ssl-ca or ssl-skip-verify in the credentials file
// for such a server.
func (d DatabaseSettings) tlsConfig() (*tls.Config, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if d.Socket == "" {
		tc.ServerName = d.hostOrDefault()
	} else {
		tc.ServerName = "localhost"
	}
	if d.SSLCA != "" || d.SSLCAPath != "" {
		pool := x509.NewCertPool()
		if d.SSLCA != "" {
			pem, err := os.ReadFile(d.SSLCA)
			if err != nil {
				return nil, fmt.Errorf("read MySQL CA file (ssl_ca) %s: %w", d.SSLCA, err)
			}
			if !pool.AppendCertsFromPEM(pem) {
				return nil, fmt.Errorf("MySQL CA file (ssl_ca) %s contains no PEM certificate", d.SSLCA)
			}
		}
		if d.SSLCAPath != "" {
			if err := appendCertDir(pool, d.SSLCAPath); err != nil {
				return nil, err
			}
		}
		tc.RootCAs = pool
	}
	switch {
	case d.SSLCert != "" && d.SSLKey != "":
		pair, err := tls.LoadX509KeyPair(d.SSLCert, d.SSLKey)
		if err != nil {
			return nil, fmt.Errorf("load MySQL client certificate (ssl_cert %s, ssl_key %s): %w", d.SSLCert, d.SSLKey, err)
		}
		tc.Certificates = []tls.Certificate{pair}
	case d.SSLCert != "" || d.SSLKey != "":
		return nil, errors.New("MySQL client certificate needs both ssl_cert and ssl_key: set both or neither")
	}
	tc.InsecureSkipVerify = d.SSLNoVerify
	tc.CipherSuites = cipherSuites(d.SSLCipher)
	return tc, nil
}

// appendCertDir adds the PEM certificates of every file in dir, as
// ssl_ca_path (MySQL's --ssl-capath) names a directory of CA certificates.
func appendCertDir(pool *x509.CertPool, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read MySQL CA directory (ssl_ca_path) %s: %w", dir, err)
	}
	found := false
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		pem, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		if pool.AppendCertsFromPEM(pem) {
			found = true
		}
	}
	if !found {
		return fmt.Errorf("MySQL CA directory (ssl_ca_path) %s contains no PEM certificate", dir)
	}
	return nil
}

// openSSLCiphers maps the OpenSSL names that MySQL's ssl_cipher takes to the
// TLS 1.2 cipher suites Go implements.
var openSSLCiphers = map[string]uint16{
	"ECDHE-ECDSA-AES128-GCM-SHA256": tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	"ECDHE-RSA-AES128-GCM-SHA256":   tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	"ECDHE-ECDSA-AES256-GCM-SHA384": tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
	"ECDHE-RSA-AES256-GCM-SHA384":   tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	"ECDHE-ECDSA-CHACHA20-POLY1305": tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
	"ECDHE-RSA-CHACHA20-POLY1305":   tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	"ECDHE-ECDSA-AES128-SHA256":     tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
	"ECDHE-RSA-AES128-SHA256":       tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
	"ECDHE-ECDSA-AES128-SHA":        tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
	"ECDHE-RSA-AES128-SHA":          tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
	"ECDHE-ECDSA-AES256-SHA":        tls.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
	"ECDHE-RSA-AES256-SHA":          tls.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
	"AES128-GCM-SHA256":             tls.TLS_RSA_WITH_AES_128_GCM_SHA256,
	"AES256-GCM-SHA384":             tls.TLS_RSA_WITH_AES_256_GCM_SHA384,
	"AES128-SHA256":                 tls.TLS_RSA_WITH_AES_128_CBC_SHA256,
	"AES128-SHA":                    tls.TLS_RSA_WITH_AES_128_CBC_SHA,
	"AES256-SHA":                    tls.TLS_RSA_WITH_AES_256_CBC_SHA,
}

// cipherSuites turns a colon-separated ssl_cipher list into cipher suite
// IDs. Go's own names (TLS_ECDHE_RSA_WITH_...) are accepted too.
//
// NOTE: Names Go does not implement (DHE-*, TLS 1.3 suites, which Go does not
// let callers choose) are skipped. When none is left the result is nil and
// Go's default suites apply, which keeps the connection working instead of
// failing on a cipher list written for OpenSSL.
func cipherSuites(list string) []uint16 {
	if strings.TrimSpace(list) == "" {
		return nil
	}
	byName := map[string]uint16{}
	for _, s := range append(tls.CipherSuites(), tls.InsecureCipherSuites()...) {
		byName[s.Name] = s.ID
	}
	var ids []uint16
	for _, name := range strings.FieldsFunc(list, func(r rune) bool { return r == ':' || r == ',' || r == ' ' }) {
		if id, ok := openSSLCiphers[name]; ok {
			ids = append(ids, id)
		} else if id, ok := byName[name]; ok {
			ids = append(ids, id)
		}
	}
	return ids
}
