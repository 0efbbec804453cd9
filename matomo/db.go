package matomo

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// DB reads a Matomo database. It is built for one scrape and reads the
// schema and the option rows at most once (guarded by sync.Once), however
// many collectors ask for them concurrently.
type DB struct {
	conn   *sql.DB
	prefix string

	// tokenSplitSpan overrides the package's tokenSplitSpan when not 0.
	// Tests set it to make Tokens split a small table.
	tokenSplitSpan uint64

	schemaOnce sync.Once
	schema     schema
	schemaErr  error

	optionsOnce sync.Once
	options     map[string]string
	optionsErr  error
}

// NewDB wraps a connection pool; prefix is [database] tables_prefix.
func NewDB(conn *sql.DB, prefix string) *DB {
	return &DB{conn: conn, prefix: prefix}
}

// Prefix returns the table prefix.
func (d *DB) Prefix() string { return d.prefix }

// table returns the quoted, prefixed name of a Matomo table. Backticks in
// the prefix are doubled, so a hostile prefix cannot break out of the
// identifier.
func (d *DB) table(name string) string {
	return "`" + strings.ReplaceAll(d.prefix+name, "`", "``") + "`"
}

// schema records which of the tables the exporter reads exist and which
// columns they have, so that a query can adapt to the Matomo version
// (secure_only since 5.0, user.ts_last_seen since 5.4) without guessing it
// from a version number.
type schema map[string]map[string]bool

func (s schema) hasTable(table string) bool { return s[table] != nil }

func (s schema) has(table, column string) bool { return s[table][column] }

var knownTables = []string{
	"user", "access", "user_token_auth", "option", "plugin_setting", "brute_force_log", "site",
}

func (d *DB) loadSchema(ctx context.Context) (schema, error) {
	d.schemaOnce.Do(func() {
		d.schema, d.schemaErr = d.querySchema(ctx)
	})
	return d.schema, d.schemaErr
}

func (d *DB) querySchema(ctx context.Context) (schema, error) {
	names := make([]any, len(knownTables))
	for i, t := range knownTables {
		names[i] = d.prefix + t
	}
	placeholders := strings.TrimSuffix(strings.Repeat("?,", len(names)), ",")
	query := `SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (` + placeholders + `)`

	rows, err := d.conn.QueryContext(ctx, query, names...)
	if err != nil {
		return nil, fmt.Errorf("reading the table list from information_schema: %w", err)
	}
	defer rows.Close()

	s := schema{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			return nil, err
		}
		table = strings.TrimPrefix(table, d.prefix)
		if s[table] == nil {
			s[table] = map[string]bool{}
		}
		s[table][strings.ToLower(column)] = true
	}
	return s, rows.Err()
}

// require returns an error naming the first missing table, so that a
// collector reading it fails with a message that names what to check.
func (d *DB) require(ctx context.Context, tables ...string) (schema, error) {
	s, err := d.loadSchema(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		if !s.hasTable(t) {
			return nil, fmt.Errorf("table %s not found in the Matomo database; check [database] dbname and tables_prefix (%q)",
				d.table(t), d.prefix)
		}
	}
	return s, nil
}

// optionNames are the option rows the exporter reads. All are read in one
// query by primary key.
var optionNames = []string{
	"version_core",
	"UpdateCheck_LatestVersion",
	"UpdateCheck_LastTimeChecked",
	"LastCompletedFullArchiving",
	"LastFullArchivingStartTime",
	"enableBrowserTriggerArchiving",
}

// Options returns the option rows the exporter reads; an absent row is
// absent from the map.
func (d *DB) Options(ctx context.Context) (map[string]string, error) {
	d.optionsOnce.Do(func() {
		d.options, d.optionsErr = d.queryOptions(ctx)
	})
	return d.options, d.optionsErr
}

func (d *DB) queryOptions(ctx context.Context) (map[string]string, error) {
	if _, err := d.require(ctx, "option"); err != nil {
		return nil, err
	}
	args := make([]any, len(optionNames))
	for i, n := range optionNames {
		args[i] = n
	}
	placeholders := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")
	query := "SELECT option_name, option_value FROM " + d.table("option") +
		" WHERE option_name IN (" + placeholders + ")"

	rows, err := d.conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("reading options: %w", err)
	}
	defer rows.Close()

	out := map[string]string{}
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return nil, err
		}
		out[name] = value
	}
	return out, rows.Err()
}

// epochSQL converts a DATETIME or TIMESTAMP column to unix seconds.
// Matomo writes every time as a UTC wall-clock string and never sets the
// session time zone, so the value read back in the server's default
// session time zone is that UTC string. UNIX_TIMESTAMP(column) would shift
// it by the server's offset from UTC, but TIMESTAMPDIFF from the epoch
// does not.
func epochSQL(column string) string {
	return "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', " + column + ")"
}
