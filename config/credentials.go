package config

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// PasswordEnv names the environment variable that supplies the database
// password when the credentials file leaves it empty.
const PasswordEnv = "MATOMO_EXPORTER_DB_PASSWORD"

// Credentials is a dedicated, read-only database account from a MySQL option
// file (my.cnf syntax). Fields left empty keep Matomo's own settings.
type Credentials struct {
	User     string
	Password string
	Host     string
	Port     int
	Socket   string

	SSLCA         string
	SSLCert       string
	SSLKey        string
	SSLSkipVerify bool
	// SSLSkipVerifySet reports whether the file sets ssl-skip-verify at all.
	SSLSkipVerifySet bool

	// Path is the file the credentials were read from.
	Path string
}

// LoadCredentials reads the [client] group of a MySQL option file:
//
//	[client]
//	user = matomo_exporter
//	password = "secret"
//	host = db.example.com
//	port = 3306
//	socket = /run/mysqld/mysqld.sock
//	ssl-ca = /etc/mysql/ca.pem
//	ssl-cert = /etc/mysql/client-cert.pem
//	ssl-key = /etc/mysql/client-key.pem
//	ssl-skip-verify
//
// As in MySQL, '-' and '_' in option names are the same, values may be
// quoted, '#' starts a comment outside quotes, and other groups and options
// are ignored. When the file leaves password empty, the environment variable
// MATOMO_EXPORTER_DB_PASSWORD supplies it. Errors never contain the
// password.
func LoadCredentials(path string) (Credentials, error) {
	data, err := readConfigFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Credentials{}, fmt.Errorf("credentials file %s not found: create it with a [client] section holding user and password of a read-only MySQL account", path)
	case errors.Is(err, fs.ErrPermission):
		return Credentials{}, fmt.Errorf("credentials file %s is not readable by this user: grant the exporter's user read access", path)
	case err != nil:
		return Credentials{}, fmt.Errorf("read credentials file %s: %w", path, err)
	}
	options, found, err := parseOptionFile(data, "client")
	if err != nil {
		return Credentials{}, fmt.Errorf("parse credentials file %s: %w", path, err)
	}
	if !found {
		return Credentials{}, fmt.Errorf("credentials file %s has no [client] section: put user and password under a [client] line", path)
	}

	c := Credentials{Path: path}
	for _, o := range options {
		switch o.name {
		case "user":
			c.User = o.value
		case "password":
			c.Password = o.value
		case "host":
			c.Host = o.value
		case "port":
			port, err := strconv.Atoi(o.value)
			if err != nil || port < 1 || port > 65535 {
				return Credentials{}, fmt.Errorf("credentials file %s line %d: invalid port %q: use a number from 1 to 65535", path, o.line, o.value)
			}
			c.Port = port
		case "socket":
			c.Socket = o.value
		case "ssl-ca":
			c.SSLCA = o.value
		case "ssl-cert":
			c.SSLCert = o.value
		case "ssl-key":
			c.SSLKey = o.value
		case "ssl-skip-verify":
			c.SSLSkipVerifySet = true
			c.SSLSkipVerify = !o.hasValue || phpTruthy(o.value)
		}
	}
	if c.User == "" {
		return Credentials{}, fmt.Errorf("credentials file %s has no user in [client]: add user = <read-only MySQL account>", path)
	}
	if c.Password == "" {
		c.Password = os.Getenv(PasswordEnv)
	}
	return c, nil
}

// Apply returns d with this account, and with the host, port, socket and TLS
// files of the credentials where they are set. A host or port switches to
// TCP; a socket wins over both.
func (c Credentials) Apply(d DatabaseSettings) DatabaseSettings {
	d.Username = c.User
	d.Password = c.Password
	switch {
	case c.Socket != "":
		d.Socket = c.Socket
		d.Host = ""
	case c.Host != "" || c.Port != 0:
		d.Socket = ""
		if c.Host != "" {
			d.setHost(c.Host)
		}
		if c.Port != 0 {
			d.Port = c.Port
		}
	}
	if c.SSLCA != "" || c.SSLCert != "" || c.SSLKey != "" {
		d.EnableSSL = true
		d.SSLCA, d.SSLCert, d.SSLKey = c.SSLCA, c.SSLCert, c.SSLKey
	}
	if c.SSLSkipVerifySet {
		d.SSLNoVerify = c.SSLSkipVerify
	}
	return d
}

// String describes the credentials without the password.
func (c Credentials) String() string {
	return fmt.Sprintf("credentials %s (user %q)", c.Path, c.User)
}

// GoString keeps %#v from printing the password.
func (c Credentials) GoString() string { return "config.Credentials{" + c.String() + "}" }

type option struct {
	name     string
	value    string
	hasValue bool
	line     int
}

// parseOptionFile returns the options of group in a MySQL option file, with
// the rules of MySQL's mysys/my_default.cc. A line starting with '#' or ';'
// is a comment, and '#' after a value starts one too. A value may be quoted,
// and \n, \t, \r, \b, \s, \\, \" and \' are escapes.
func parseOptionFile(data []byte, group string) (options []option, found bool, err error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	inGroup := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
			continue
		case line[0] == '!':
			return nil, false, fmt.Errorf("line %d: !include and !includedir are not supported: put the options into this file", n)
		case line[0] == '[':
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return nil, false, fmt.Errorf("line %d: group header is not closed with ']'", n)
			}
			name := strings.TrimSpace(line[1:end])
			inGroup = strings.EqualFold(name, group)
			found = found || inGroup
			continue
		}
		if !inGroup {
			continue
		}
		name, value, hasValue := strings.Cut(line, "=")
		name = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-")
		if hasValue {
			if value, err = optionValue(value); err != nil {
				return nil, false, fmt.Errorf("line %d: option %s: %w", n, name, err)
			}
		} else {
			// A bare name can carry a trailing comment too.
			name = strings.TrimSpace(stripOptionComment(name))
		}
		options = append(options, option{name: name, value: value, hasValue: hasValue, line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, false, err
	}
	return options, found, nil
}

// optionValue removes a trailing comment and the quotes, and resolves the
// escapes. Its errors never contain the value.
func optionValue(raw string) (string, error) {
	v := strings.TrimSpace(stripOptionComment(raw))
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		if len(v) < 2 || v[len(v)-1] != v[0] {
			return "", errors.New("quoted value is not closed")
		}
		v = v[1 : len(v)-1]
	}
	var out strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i == len(v)-1 {
			out.WriteByte(v[i])
			continue
		}
		i++
		switch v[i] {
		case 'n':
			out.WriteByte('\n')
		case 't':
			out.WriteByte('\t')
		case 'r':
			out.WriteByte('\r')
		case 'b':
			out.WriteByte('\b')
		case 's':
			out.WriteByte(' ')
		case '\\', '"', '\'':
			out.WriteByte(v[i])
		default:
			out.WriteByte('\\')
			out.WriteByte(v[i])
		}
	}
	return out.String(), nil
}

// stripOptionComment cuts s at the first '#' outside quotes.
func stripOptionComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && quote != 0:
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return s[:i]
		}
	}
	return s
}
