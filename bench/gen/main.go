// Command gen fills a new database on the local MariaDB with a
// Matomo-5.4-shaped instance of a chosen size, for benchmarks of the
// exporter's queries.
//
//	go run ./bench/gen -size large -db NAME [-seed 1] [-now UNIX]
//	go run ./bench/gen -drop -db NAME
//
// It creates the database (it must not exist yet), loads
// testdata/schema/matomo-5.4.sql (table prefix matomo_) and bulk-loads the
// rows with LOAD DATA LOCAL INFILE. The same seed and -now give the same
// rows; without -now every timestamp is relative to the start of the run.
// The server and account come from internal/testdb: root on 127.0.0.1:3306,
// or the address in MATOMO_TEST_DB_ADDR.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// size is the scale of a generated instance.
type size struct {
	users      int
	sites      int
	tokens     int
	bruteForce int
}

var sizes = map[string]size{
	"small":  {users: 1_000, sites: 100, tokens: 5_000, bruteForce: 10_000},
	"medium": {users: 10_000, sites: 1_000, tokens: 50_000, bruteForce: 100_000},
	"large":  {users: 100_000, sites: 10_000, tokens: 500_000, bruteForce: 1_000_000},
}

var validName = regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)

func main() {
	sizeName := flag.String("size", "small", "instance size: small, medium or large")
	dbName := flag.String("db", "", "name of the database to create and fill (letters, digits and _; must not exist)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed and -now give the same rows")
	now := flag.Int64("now", 0, "reference time as a unix timestamp (default: the start of the run)")
	schemaFile := flag.String("schema", testdb.Testdata("schema", "matomo-5.4.sql"), "SQL file with the Matomo tables")
	drop := flag.Bool("drop", false, "drop the database named by -db and exit")
	allOwners := flag.Bool("all-owners", false, "spread the tokens over every account instead of a quarter of them (a harder case for the token query)")
	flag.Parse()

	if *drop {
		if !validName.MatchString(*dbName) {
			fail(fmt.Errorf("invalid -db %q; give the name of a database made by gen", *dbName))
		}
		if err := testdb.DropDatabase(*dbName); err != nil {
			fail(fmt.Errorf("dropping %s: %w", *dbName, err))
		}
		return
	}

	sz, ok := sizes[*sizeName]
	if !ok {
		fail(fmt.Errorf("unknown -size %q; use small, medium or large", *sizeName))
	}
	if !validName.MatchString(*dbName) {
		fail(fmt.Errorf("invalid -db %q; give a new database name of letters, digits and _", *dbName))
	}
	ref := time.Now().UTC().Truncate(time.Second)
	if *now != 0 {
		ref = time.Unix(*now, 0).UTC()
	}

	begin := time.Now()
	plan := newPlan(sz, *seed, ref, *allOwners)
	counts, timings, err := generate(context.Background(), *dbName, *schemaFile, plan)
	if err != nil {
		fail(err)
	}
	report(*sizeName, *dbName, counts, timings, time.Since(begin))
}

func report(sizeName, dbName string, counts map[string]int, timings map[string]time.Duration, total time.Duration) {
	tables := make([]string, 0, len(counts))
	for t := range counts {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	fmt.Printf("generated %s instance in database %s in %.1f s\n", sizeName, dbName, total.Seconds())
	for _, t := range tables {
		fmt.Printf("  %-22s %9d rows  %6.2f s\n", t, counts[t], timings[t].Seconds())
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", strings.TrimSpace(err.Error()))
	os.Exit(1)
}
