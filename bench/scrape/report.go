package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

type collectorResult struct {
	// counters is the server's work for one scrape with only this
	// collector, floorCounters the work for the replay of its statements.
	counters      counters
	floorCounters counters
	floor         []time.Duration
}

// report holds the measurements of one database size.
type report struct {
	label      string
	loadBefore string
	loadAfter  string
	tableRows  [][2]string
	server     string
	checked    bool

	scrapes        []scrapeResult
	floors         []replayResult
	scrapeCounters counters
	floorCounters  counters
	// scrapeCPU and floorCPU are the server's CPU seconds for each timed
	// scrape and each replay.
	scrapeCPU, floorCPU []float64

	concurrent         int
	concurrentWall     time.Duration
	concurrentCounters counters

	peakRSS    int64
	collectors map[string]*collectorResult
}

var dataTables = []string{"user", "access", "site", "user_token_auth", "brute_force_log"}

func (r *report) describeData(ctx context.Context, db *sql.DB) error {
	var version string
	var bufferPool int64
	if err := db.QueryRowContext(ctx, "SELECT VERSION(), @@innodb_buffer_pool_size").Scan(&version, &bufferPool); err != nil {
		return fmt.Errorf("reading the server version: %w", err)
	}
	r.server = fmt.Sprintf("server %s, innodb_buffer_pool_size %d MiB", version, bufferPool>>20)
	for _, t := range dataTables {
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM `matomo_"+t+"`").Scan(&n); err != nil {
			return fmt.Errorf("counting matomo_%s: %w", t, err)
		}
		r.tableRows = append(r.tableRows, [2]string{t, fmt.Sprint(n)})
	}
	return nil
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

func (r *report) print(w io.Writer) {
	var data []string
	for _, tr := range r.tableRows {
		data = append(data, tr[0]+" "+tr[1])
	}
	fmt.Fprintf(w, "== size %s: %s rows\n", r.label, strings.Join(data, ", "))
	checked := "no"
	if r.checked {
		checked = "yes, equal"
	}
	fmt.Fprintf(w, "   %s; %d CPUs; load average (1 min) %s before, %s after\n", r.server, runtime.NumCPU(), r.loadBefore, r.loadAfter)
	fmt.Fprintf(w, "   values of the matomo package against reference queries: %s\n\n", checked)

	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "collector\tduration s\tstatements\trows read\tfloor s\tfloor statements\tfloor rows read\t")
	for _, name := range sortedKeys(r.collectors) {
		c := r.collectors[name]
		var ds []time.Duration
		for _, s := range r.scrapes {
			ds = append(ds, time.Duration(s.durations[name]*float64(time.Second)))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%d\t%d\t\n", name, seconds(median(ds)), c.counters.Selects+c.counters.Others,
			c.counters.RowsRead, seconds(median(c.floor)), c.floorCounters.Selects+c.floorCounters.Others, c.floorCounters.RowsRead)
	}
	tw.Flush()

	var walls, floorWalls []time.Duration
	for _, s := range r.scrapes {
		walls = append(walls, s.wall)
	}
	for _, f := range r.floors {
		floorWalls = append(floorWalls, f.wall)
	}
	fmt.Fprintf(w, "\nfull scrape (GET /metrics): median %s s, min %s, max %s over %d scrapes; %d statements, %d rows read\n",
		seconds(median(walls)), seconds(slices.Min(walls)), seconds(slices.Max(walls)), len(walls),
		r.scrapeCounters.Selects+r.scrapeCounters.Others, r.scrapeCounters.RowsRead)
	fmt.Fprintf(w, "floor (same SQL, bare):     median %s s, min %s, max %s; %d statements, %d rows read\n",
		seconds(median(floorWalls)), seconds(slices.Min(floorWalls)), seconds(slices.Max(floorWalls)),
		r.floorCounters.Selects+r.floorCounters.Others, r.floorCounters.RowsRead)
	fmt.Fprintf(w, "ratio exporter/floor (medians): %.2f\n", median(walls).Seconds()/median(floorWalls).Seconds())
	fmt.Fprintf(w, "server CPU per scrape (USER_STATISTICS.CPU_TIME, median): %.3f s, floor %.3f s\n",
		median(r.scrapeCPU), median(r.floorCPU))
	fmt.Fprintf(w, "exporter peak RSS (VmHWM): %.1f MiB\n", float64(r.peakRSS)/(1<<20))
	single := r.scrapeCounters.Selects + r.scrapeCounters.Others
	together := r.concurrentCounters.Selects + r.concurrentCounters.Others
	fmt.Fprintf(w, "%d concurrent scrapes: %d statements in all (%.2f times one scrape's %d), %s s wall\n\n",
		r.concurrent, together, float64(together)/float64(max(single, 1)), single, seconds(r.concurrentWall))
}

var spaces = regexp.MustCompile(`\s+`)

// explainAll prints every statement of a scrape with its median time in
// the floor and its EXPLAIN output.
func explainAll(ctx context.Context, db *sql.DB, statements []statement, w io.Writer, floors []replayResult) error {
	for i, s := range statements {
		var times []time.Duration
		for _, f := range floors {
			times = append(times, f.perQuery[i])
		}
		query := spaces.ReplaceAllString(strings.TrimSpace(s.query), " ")
		fmt.Fprintf(w, "-- %s, %s s (median in the floor), args %v\n%s\n", s.collector, seconds(median(times)), s.args, query)
		if !strings.HasPrefix(strings.ToUpper(query), "SELECT") {
			fmt.Fprintln(w, "(not a SELECT; no plan)")
			fmt.Fprintln(w)
			continue
		}
		if err := printExplain(ctx, db, s, w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

func printExplain(ctx context.Context, db *sql.DB, s statement, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "EXPLAIN "+s.query, s.args...)
	if err != nil {
		return fmt.Errorf("EXPLAIN %q: %w", s.query, err)
	}
	defer rows.Close()
	columns, err := rows.Columns()
	if err != nil {
		return err
	}

	tw := tabwriter.NewWriter(w, 2, 8, 1, ' ', 0)
	fmt.Fprintln(tw, strings.Join(columns, "\t"))

	values := make([]sql.NullString, len(columns))
	dest := make([]any, len(columns))
	for i := range values {
		dest[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		cells := make([]string, len(values))
		for i, v := range values {
			cells[i] = "NULL"
			if v.Valid {
				cells[i] = v.String
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return tw.Flush()
}
