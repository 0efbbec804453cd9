// Package testdb creates throwaway Matomo databases on the local MariaDB
// for tests and benchmarks, writes config files that point at them, and
// copies web root trees from testdata/.
package testdb

import (
	"bufio"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
)

// Server returns the address and account of the server that holds the
// test databases: 127.0.0.1:3306 unless MATOMO_TEST_DB_ADDR overrides it,
// as root with an empty password, as on the development and CI machines.
func Server() (addr, user string) {
	addr = os.Getenv("MATOMO_TEST_DB_ADDR")
	if addr == "" {
		addr = "127.0.0.1:3306"
	}
	return addr, "root"
}

// RepoRoot returns the repository's top folder, found from this file.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Testdata returns the path of a file under testdata/.
func Testdata(parts ...string) string {
	return filepath.Join(append([]string{RepoRoot(), "testdata"}, parts...)...)
}

// Open connects as the test account to database name ("" for none).
func Open(name string, multiStatements bool) (*sql.DB, error) {
	addr, user := Server()
	mc := mysql.NewConfig()
	mc.Net, mc.Addr, mc.User, mc.DBName = "tcp", addr, user, name
	mc.MultiStatements = multiStatements
	return sql.Open("mysql", mc.FormatDSN())
}

// Create makes a uniquely named database, loads the SQL files into it in
// order, and drops it when the test ends. It fails the test when MariaDB
// is not reachable: the suite's start script starts it.
func Create(t testing.TB, sqlFiles ...string) string {
	t.Helper()
	name, err := CreateDatabase(sqlFiles...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := DropDatabase(name); err != nil {
			t.Errorf("dropping test database %s: %v", name, err)
		}
	})
	return name
}

// CreateDatabase is Create without a testing.TB, for benchmarks and tools.
// The caller drops the database with DropDatabase.
func CreateDatabase(sqlFiles ...string) (string, error) {
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	name := "mse_test_" + hex.EncodeToString(suffix)

	admin, err := Open("", false)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	addr, _ := Server()
	if _, err := admin.Exec("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4"); err != nil {
		return "", fmt.Errorf("creating test database on %s (is MariaDB running? start it with "+
			"`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`): %w", addr, err)
	}

	db, err := Open(name, true)
	if err != nil {
		return "", err
	}
	defer db.Close()
	for _, f := range sqlFiles {
		body, err := os.ReadFile(f)
		if err != nil {
			_ = DropDatabase(name)
			return "", err
		}
		if _, err := db.Exec(string(body)); err != nil {
			_ = DropDatabase(name)
			return "", fmt.Errorf("loading %s into %s: %w", f, name, err)
		}
	}
	return name, nil
}

// DropDatabase removes a database made by CreateDatabase.
func DropDatabase(name string) error {
	admin, err := Open("", false)
	if err != nil {
		return err
	}
	defer admin.Close()
	_, err = admin.Exec("DROP DATABASE IF EXISTS `" + name + "`")
	return err
}

// WriteConfig copies a fixture's config.ini.php into dir/config/, with the
// [database] connection keys replaced so that it points at the test
// database. Every other line, [database] tables_prefix included, stays as
// the fixture has it. It returns the new file's path.
func WriteConfig(fixtureConfig, dir, dbName string) (string, error) {
	in, err := os.Open(fixtureConfig)
	if err != nil {
		return "", err
	}
	defer in.Close()

	addr, user := Server()
	host, port, _ := strings.Cut(addr, ":")
	replaced := map[string]string{
		"host":     strconv.Quote(host),
		"port":     port,
		"username": strconv.Quote(user),
		"password": `""`,
		"dbname":   strconv.Quote(dbName),
	}

	var out strings.Builder
	section := ""
	written := false
	scanner := bufio.NewScanner(in)
	for scanner.Scan() {
		line := scanner.Text()
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			section = strings.Trim(trimmed, "[]")
			out.WriteString(line + "\n")
			if section == "database" && !written {
				for _, k := range []string{"host", "port", "username", "password", "dbname"} {
					fmt.Fprintf(&out, "%s = %s\n", k, replaced[k])
				}
				written = true
			}
			continue
		}
		key, _, _ := strings.Cut(trimmed, "=")
		if section == "database" && replaced[strings.TrimSpace(key)] != "" {
			continue
		}
		out.WriteString(line + "\n")
	}
	if err := scanner.Err(); err != nil {
		return "", err
	}
	if !written {
		out.WriteString("\n[database]\n")
		for _, k := range []string{"host", "port", "username", "password", "dbname"} {
			fmt.Fprintf(&out, "%s = %s\n", k, replaced[k])
		}
	}

	path := filepath.Join(dir, "config", "config.ini.php")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, os.WriteFile(path, []byte(out.String()), 0o600)
}

// CreateReadOnlyAccount makes an account that may only SELECT from
// database name, writes a my.cnf-style credentials file for it into dir,
// and drops the account when the test ends. Scraping through it proves
// that the exporter needs no write privilege.
func CreateReadOnlyAccount(t testing.TB, name, dir string) (credentialsFile, password string) {
	t.Helper()
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	user := "mse_ro_" + hex.EncodeToString(suffix)
	secret := make([]byte, 12)
	_, _ = rand.Read(secret)
	password = "ro-" + hex.EncodeToString(secret)

	admin, err := Open("", false)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for _, stmt := range []string{
		"CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'",
		"GRANT SELECT ON `" + name + "`.* TO '" + user + "'@'127.0.0.1'",
	} {
		if _, err := admin.Exec(stmt); err != nil {
			t.Fatalf("creating the read-only test account: %v", err)
		}
	}
	t.Cleanup(func() {
		if admin, err := Open("", false); err == nil {
			_, _ = admin.Exec("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'")
			admin.Close()
		}
	})

	addr, _ := Server()
	host, port, _ := strings.Cut(addr, ":")
	credentialsFile = filepath.Join(dir, "exporter.my.cnf")
	body := fmt.Sprintf("[client]\nuser = %s\npassword = %s\nhost = %s\nport = %s\n", user, password, host, port)
	if err := os.WriteFile(credentialsFile, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return credentialsFile, password
}

// CopyWebroot copies the tree testdata/webroot/name into a temporary
// directory, so that a test can change its files and modes.
func CopyWebroot(t testing.TB, name string) string {
	t.Helper()
	src := Testdata("webroot", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
	return dst
}
