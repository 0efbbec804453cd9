// Command scrape measures the exporter against a database made by
// bench/gen. Per collector it reports the scrape duration, the statements
// and rows it costs the server, and the time of the same SQL run bare (the
// floor). It also reports the peak RSS of the exporter process and what ten
// concurrent scrapes of one target cost.
//
//	go run ./bench/scrape -db NAME -exporter ./matomo_security_exporter [-runs 5]
//
// bench/run.sh builds the binary, generates the databases and calls it.
// It needs MariaDB (for information_schema.USER_STATISTICS) and turns the
// userstat setting on for the run.
package main

import (
	"cmp"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/collector"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

type options struct {
	db         string
	label      string
	exporter   string
	runs       int
	concurrent int
	check      bool
	explain    bool
	fixture    string
}

func main() {
	var o options
	flag.StringVar(&o.db, "db", "", "database filled by bench/gen")
	flag.StringVar(&o.label, "size", "", "size label for the report")
	flag.StringVar(&o.exporter, "exporter", "", "path of the exporter binary")
	flag.IntVar(&o.runs, "runs", 5, "timed scrapes per measurement, after one warm-up")
	flag.IntVar(&o.concurrent, "concurrent", 10, "concurrent scrapes of one target")
	flag.BoolVar(&o.check, "check", true, "compare the matomo package's values with reference queries")
	flag.BoolVar(&o.explain, "explain", false, "print EXPLAIN for every statement of a scrape")
	flag.StringVar(&o.fixture, "fixture", testdb.Testdata("matomo", "v54", "config", "config.ini.php"),
		"config.ini.php whose settings the target gets; the [database] keys are replaced")
	flag.Parse()
	if o.db == "" || o.exporter == "" || o.runs < 1 {
		fmt.Fprintln(os.Stderr, "scrape: -db and -exporter are required and -runs must be at least 1; see -help")
		os.Exit(2)
	}
	if err := run(context.Background(), o); err != nil {
		fmt.Fprintln(os.Stderr, "scrape:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	admin, err := testdb.Open("", false)
	if err != nil {
		return err
	}
	defer admin.Close()
	restore, err := enableUserStats(ctx, admin)
	if err != nil {
		return err
	}
	defer restore()

	acct, err := createAccount(ctx, admin, o.db)
	if err != nil {
		return err
	}
	defer acct.drop(context.Background(), admin)

	dir, err := os.MkdirTemp("", "mse-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	configFile, err := testdb.WriteConfig(o.fixture, dir, o.db)
	if err != nil {
		return err
	}
	credentials, err := acct.writeCredentials(dir)
	if err != nil {
		return err
	}
	tgt, err := loadTarget(configFile, dir, credentials)
	if err != nil {
		return err
	}
	pool, err := tgt.open(nil)
	if err != nil {
		return err
	}
	defer pool.Close()

	rep := &report{label: o.label, loadBefore: loadAverage()}
	if err := rep.describeData(ctx, pool); err != nil {
		return err
	}

	if o.check {
		problems, err := checkValues(ctx, tgt, pool)
		if err != nil {
			return fmt.Errorf("check: %w", err)
		}
		if len(problems) > 0 {
			return fmt.Errorf("the matomo package disagrees with the reference queries:\n  %s", strings.Join(problems, "\n  "))
		}
		rep.checked = true
	}

	full, err := tgt.capture(ctx, true)
	if err != nil {
		return fmt.Errorf("capturing the statements of a scrape: %w", err)
	}
	alone, err := tgt.capture(ctx, false)
	if err != nil {
		return fmt.Errorf("capturing the statements of each collector: %w", err)
	}

	// The http collector would request the fixture's trusted host, which
	// is not ours to contact; the benchmark measures the database side.
	exporterArgs := []string{"--matomo.config-file=" + configFile, "--database.credentials-file=" + credentials,
		"--no-collector.http"}
	if err := measureFull(ctx, o, rep, admin, acct, pool, exporterArgs, full); err != nil {
		return err
	}
	if err := measureCollectors(ctx, o, rep, admin, acct, pool, exporterArgs, alone); err != nil {
		return err
	}
	rep.loadAfter = loadAverage()
	rep.print(os.Stdout)

	if o.explain {
		return explainAll(ctx, pool, full, os.Stdout, rep.floors)
	}
	return nil
}

// measureFull scrapes the exporter with every collector and replays the
// full statement list in turns, so that both run under the same machine
// load. Then it fires concurrent scrapes.
func measureFull(ctx context.Context, o options, rep *report, admin *sql.DB, acct *account,
	pool *sql.DB, args []string, full []statement) error {
	exp, err := startExporter(o.exporter, args)
	if err != nil {
		return err
	}
	defer exp.stop()

	// Warm-up: the first scrape connects and fills the server's caches.
	if _, err := exp.scrape(ctx); err != nil {
		return err
	}
	if _, err := replay(ctx, pool, full); err != nil {
		return err
	}

	for range o.runs {
		m, err := measureOnce(ctx, exp, admin, acct, pool, full)
		if err != nil {
			return err
		}
		rep.scrapes = append(rep.scrapes, m.scrape)
		rep.floors = append(rep.floors, m.floor)
		rep.scrapeCPU = append(rep.scrapeCPU, m.scrapeCost.CPU)
		rep.floorCPU = append(rep.floorCPU, m.floorCost.CPU)
		rep.scrapeCounters, rep.floorCounters = m.scrapeCost, m.floorCost
	}

	// Concurrent scrapes: all start together; singleflight should let
	// them share one round of queries.
	c0, err := acct.counters(ctx, admin)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, o.concurrent)
	begin := time.Now()
	for i := range o.concurrent {
		wg.Go(func() {
			<-start
			_, errs[i] = exp.scrape(ctx)
		})
	}
	close(start)
	wg.Wait()
	rep.concurrentWall = time.Since(begin)
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("concurrent scrape: %w", err)
		}
	}
	c1, err := acct.counters(ctx, admin)
	if err != nil {
		return err
	}
	rep.concurrentCounters = c1.minus(c0)
	rep.concurrent = o.concurrent

	rep.peakRSS, err = exp.peakRSS()
	return err
}

// measureCollectors runs the exporter once per collector with only that
// collector enabled, and replays that collector's own statements.
func measureCollectors(ctx context.Context, o options, rep *report, admin *sql.DB, acct *account,
	pool *sql.DB, args []string, alone []statement) error {
	names := collector.Names()
	rep.collectors = map[string]*collectorResult{}
	for _, name := range names {
		if _, ran := rep.scrapes[0].durations[name]; !ran {
			continue // switched off or not configured for this target
		}
		only := slices.Clone(args)
		for _, other := range names {
			if other != name && other != "http" {
				only = append(only, "--no-collector."+other)
			}
		}
		var own []statement
		for _, s := range alone {
			if s.collector == name {
				own = append(own, s)
			}
		}
		cr, err := measureCollector(ctx, o, admin, acct, pool, only, own)
		if err != nil {
			return fmt.Errorf("collector %s: %w", name, err)
		}
		rep.collectors[name] = cr
	}
	return nil
}

func measureCollector(ctx context.Context, o options, admin *sql.DB, acct *account,
	pool *sql.DB, args []string, own []statement) (*collectorResult, error) {
	exp, err := startExporter(o.exporter, args)
	if err != nil {
		return nil, err
	}
	defer exp.stop()

	if _, err := exp.scrape(ctx); err != nil {
		return nil, err
	}
	cr := &collectorResult{}
	for range o.runs {
		m, err := measureOnce(ctx, exp, admin, acct, pool, own)
		if err != nil {
			return nil, err
		}
		cr.counters, cr.floorCounters = m.scrapeCost, m.floorCost
		cr.floor = append(cr.floor, m.floor.wall)
	}
	return cr, nil
}

// measurement is one scrape and one replay of the floor, with what each
// cost the server.
type measurement struct {
	scrape     scrapeResult
	floor      replayResult
	scrapeCost counters
	floorCost  counters
}

func measureOnce(ctx context.Context, exp *exporterProcess, admin *sql.DB, acct *account,
	pool *sql.DB, statements []statement) (measurement, error) {
	var m measurement
	c0, err := acct.counters(ctx, admin)
	if err != nil {
		return m, err
	}
	if m.scrape, err = exp.scrape(ctx); err != nil {
		return m, err
	}
	c1, err := acct.counters(ctx, admin)
	if err != nil {
		return m, err
	}
	if m.floor, err = replay(ctx, pool, statements); err != nil {
		return m, err
	}
	c2, err := acct.counters(ctx, admin)
	if err != nil {
		return m, err
	}
	m.scrapeCost, m.floorCost = c1.minus(c0), c2.minus(c1)
	return m, nil
}

// loadAverage returns the 1-minute load average, or "" off Linux.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// median returns the upper median of xs, or the zero value for none.
func median[T cmp.Ordered](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
