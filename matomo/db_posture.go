package matomo

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// DatabasePosture describes the database server and the account the
// exporter connects with (Matomo's own account unless a dedicated one is
// configured).
type DatabasePosture struct {
	// Flavor is mysql, mariadb, percona or tidb.
	Flavor  string
	Version string

	// ForeignTables counts tables in the Matomo schema without the Matomo
	// table prefix; always 0 when the prefix is empty.
	ForeignTables int

	// GlobalPrivileges counts privileges of the connecting account on *.*
	// beyond USAGE.
	GlobalPrivileges int

	// AnyHost is true when the account's host part is '%'.
	AnyHost bool

	// NetworkExposed is true when the server listens on a non-loopback
	// address.
	NetworkExposed bool

	// Encrypted is true when this connection uses TLS.
	Encrypted bool
}

var leadingVersion = regexp.MustCompile(`^\d+(\.\d+){0,2}`)

// ParseServerVersion splits SELECT VERSION() and @@version_comment into
// a flavor and a dotted version, e.g. "10.11.19-MariaDB-0+deb12u1" into
// mariadb and 10.11.19.
func ParseServerVersion(version, comment string) (flavor, number string) {
	lower := strings.ToLower(version + " " + comment)
	switch {
	case strings.Contains(lower, "tidb"):
		flavor = "tidb"
		// TiDB reports a MySQL-compatible prefix; its own version follows "TiDB-v".
		if i := strings.Index(lower, "tidb-v"); i >= 0 {
			return flavor, leadingVersion.FindString(version[i+len("tidb-v"):])
		}
	case strings.Contains(lower, "mariadb"):
		flavor = "mariadb"
		// MariaDB 10 and 11 behind a replication-compatible "5.5.5-" prefix.
		version = strings.TrimPrefix(version, "5.5.5-")
	case strings.Contains(lower, "percona"):
		flavor = "percona"
	default:
		flavor = "mysql"
	}
	return flavor, leadingVersion.FindString(version)
}

// Posture reads the server and account facts. Every statement is a read.
func (d *DB) Posture(ctx context.Context) (*DatabasePosture, error) {
	p := &DatabasePosture{}

	var version, comment, currentUser string
	err := d.conn.QueryRowContext(ctx, "SELECT VERSION(), @@version_comment, CURRENT_USER()").
		Scan(&version, &comment, &currentUser)
	if err != nil {
		return nil, fmt.Errorf("reading the server version: %w", err)
	}
	p.Flavor, p.Version = ParseServerVersion(version, comment)

	host := currentUser[strings.LastIndex(currentUser, "@")+1:]
	p.AnyHost = host == "%"

	if d.prefix != "" {
		query := `SELECT COUNT(*) FROM information_schema.TABLES
			WHERE TABLE_SCHEMA = DATABASE() AND LEFT(TABLE_NAME, CHAR_LENGTH(?)) <> ?`
		if err := d.conn.QueryRowContext(ctx, query, d.prefix, d.prefix).Scan(&p.ForeignTables); err != nil {
			return nil, fmt.Errorf("counting tables without the prefix %q: %w", d.prefix, err)
		}
	}

	// USER_PRIVILEGES lists the global privileges of the current account
	// to the account itself, with the grantee written as 'user'@'host'.
	query := `SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES
		WHERE GRANTEE = CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',
			SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')
		AND PRIVILEGE_TYPE <> 'USAGE'`
	if err := d.conn.QueryRowContext(ctx, query).Scan(&p.GlobalPrivileges); err != nil {
		return nil, fmt.Errorf("reading the account's global privileges: %w", err)
	}

	if p.NetworkExposed, err = d.networkExposed(ctx); err != nil {
		return nil, err
	}

	var name, cipher string
	err = d.conn.QueryRowContext(ctx, "SHOW SESSION STATUS LIKE 'Ssl_cipher'").Scan(&name, &cipher)
	if err != nil && err != sql.ErrNoRows {
		return nil, fmt.Errorf("reading the connection's TLS state: %w", err)
	}
	p.Encrypted = cipher != ""
	return p, nil
}

// networkExposed reads skip_networking and bind_address. A server that
// listens on TCP at any address other than loopback counts as exposed,
// and so does an empty bind_address, which means every interface.
func (d *DB) networkExposed(ctx context.Context) (bool, error) {
	var skip string
	if err := d.conn.QueryRowContext(ctx, "SELECT @@skip_networking").Scan(&skip); err != nil {
		return false, fmt.Errorf("reading skip_networking: %w", err)
	}
	if skip == "1" || strings.EqualFold(skip, "ON") {
		return false, nil
	}

	var bind sql.NullString
	if err := d.conn.QueryRowContext(ctx, "SELECT @@bind_address").Scan(&bind); err != nil {
		// Old servers have no bind_address variable: assume the default,
		// which listens on every interface.
		return true, nil
	}
	return BindAddressExposed(bind.String), nil
}

// BindAddressExposed reports whether a bind_address value (a comma
// separated list since MySQL 8.0.13 and MariaDB 10.11) includes a
// non-loopback address.
func BindAddressExposed(bind string) bool {
	if strings.TrimSpace(bind) == "" {
		return true
	}
	for _, a := range strings.Split(bind, ",") {
		switch strings.TrimSpace(strings.ToLower(a)) {
		case "127.0.0.1", "::1", "localhost":
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(a), "127.") {
			continue
		}
		return true
	}
	return false
}
