package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// account is a MariaDB account made for one benchmark run. The exporter
// and the floor program connect with it. The server's per-account
// statistics (information_schema.USER_STATISTICS, MariaDB's userstat
// feature) then count their statements and rows and nothing of the other
// clients of the same server.
type account struct {
	user     string
	password string
	// host is the account's host part; the benchmark connects over TCP
	// to 127.0.0.1.
	host string
}

func randomHex(bytes int) string {
	b := make([]byte, bytes)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// createAccount makes a read-only account for dbName.
func createAccount(ctx context.Context, admin *sql.DB, dbName string) (*account, error) {
	a := &account{user: "mse_bench_" + randomHex(4), password: randomHex(16), host: "127.0.0.1"}
	statements := []string{
		fmt.Sprintf("CREATE USER '%s'@'%s' IDENTIFIED BY '%s'", a.user, a.host, a.password),
		fmt.Sprintf("GRANT SELECT ON `%s`.* TO '%s'@'%s'", dbName, a.user, a.host),
	}
	for _, s := range statements {
		if _, err := admin.ExecContext(ctx, s); err != nil {
			_ = a.drop(context.Background(), admin)
			return nil, fmt.Errorf("creating the benchmark account %s: %w", a.user, err)
		}
	}
	return a, nil
}

func (a *account) drop(ctx context.Context, admin *sql.DB) error {
	_, err := admin.ExecContext(ctx, fmt.Sprintf("DROP USER IF EXISTS '%s'@'%s'", a.user, a.host))
	return err
}

// writeCredentials writes the [client] option file that the exporter's
// --database.credentials-file reads.
func (a *account) writeCredentials(dir string) (string, error) {
	path := filepath.Join(dir, "bench-credentials.cnf")
	body := fmt.Sprintf("[client]\nuser = %s\npassword = %s\n", a.user, a.password)
	return path, os.WriteFile(path, []byte(body), 0o600)
}

// counters are the account's totals from USER_STATISTICS.
type counters struct {
	Selects  int64 // SELECT statements, prepared ones included
	Others   int64 // other commands: SHOW, SET and the like
	RowsRead int64 // rows the storage engines read for the account
	RowsSent int64
	CPU      float64 // seconds of server CPU spent on the account's statements
}

func (c counters) minus(o counters) counters {
	return counters{c.Selects - o.Selects, c.Others - o.Others, c.RowsRead - o.RowsRead, c.RowsSent - o.RowsSent, c.CPU - o.CPU}
}

// counters reads the account's totals. The server adds a statement to
// them just after it sends the last row, so the read repeats until two
// reads 5 ms apart agree.
func (a *account) counters(ctx context.Context, admin *sql.DB) (counters, error) {
	prev, err := a.readCounters(ctx, admin)
	for range 40 {
		if err != nil {
			return counters{}, err
		}
		time.Sleep(5 * time.Millisecond)
		var c counters
		if c, err = a.readCounters(ctx, admin); err == nil && c == prev {
			return c, nil
		}
		prev = c
	}
	return prev, err
}

func (a *account) readCounters(ctx context.Context, admin *sql.DB) (counters, error) {
	var c counters
	err := admin.QueryRowContext(ctx, `SELECT SELECT_COMMANDS, OTHER_COMMANDS, ROWS_READ, ROWS_SENT, CPU_TIME
		FROM information_schema.USER_STATISTICS WHERE USER = ?`, a.user).Scan(&c.Selects, &c.Others, &c.RowsRead, &c.RowsSent, &c.CPU)
	if err == sql.ErrNoRows {
		return counters{}, nil // no statement yet
	}
	return c, err
}

// enableUserStats turns on MariaDB's userstat for the run and returns a
// function that restores the previous setting.
func enableUserStats(ctx context.Context, admin *sql.DB) (restore func(), err error) {
	var was string
	if err := admin.QueryRowContext(ctx, "SELECT @@GLOBAL.userstat").Scan(&was); err != nil {
		return nil, fmt.Errorf("reading userstat (the benchmark needs MariaDB's user statistics): %w", err)
	}
	if was == "1" || was == "ON" {
		return func() {}, nil
	}
	if _, err := admin.ExecContext(ctx, "SET GLOBAL userstat = 1"); err != nil {
		return nil, fmt.Errorf("turning on userstat: %w", err)
	}
	return func() { _, _ = admin.ExecContext(context.Background(), "SET GLOBAL userstat = 0") }, nil
}
