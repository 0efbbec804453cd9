package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// rowWriter writes rows in the default LOAD DATA format: fields separated
// by tabs, rows by newlines, \N for NULL and backslash escapes.
type rowWriter struct {
	w     *bufio.Writer
	first bool
	rows  int
}

var fieldEscaper = strings.NewReplacer("\\", "\\\\", "\t", "\\t", "\n", "\\n", "\r", "\\r", "\x00", "\\0")

func (w *rowWriter) sep() {
	if !w.first {
		w.w.WriteByte('\t')
	}
	w.first = false
}

func (w *rowWriter) str(s string) {
	w.sep()
	fieldEscaper.WriteString(w.w, s)
}

func (w *rowWriter) int(n int64) {
	w.sep()
	w.w.WriteString(strconv.FormatInt(n, 10))
}

func (w *rowWriter) null() {
	w.sep()
	w.w.WriteString(`\N`)
}

// datetime writes a time as a UTC wall-clock string, as Matomo does. The
// generator's session runs in UTC (internal/testdb sets it), so TIMESTAMP
// columns hold what Matomo writes on a server whose time zone is UTC.
func (w *rowWriter) datetime(t time.Time) {
	w.sep()
	w.w.WriteString(t.UTC().Format(time.DateTime))
}

func (w *rowWriter) datetimeOrNull(t time.Time, valid bool) {
	if !valid {
		w.null()
		return
	}
	w.datetime(t)
}

func (w *rowWriter) end() {
	w.w.WriteByte('\n')
	w.first = true
	w.rows++
}

// table is one Matomo table to fill: its columns in the order write
// produces them.
type table struct {
	name    string
	columns []string
	write   func(p *plan, w *rowWriter)
}

// generate creates the database, loads the schema and fills the tables,
// two at a time, largest first.
func generate(ctx context.Context, dbName, schemaFile string, p *plan) (map[string]int, map[string]time.Duration, error) {
	schema, err := os.ReadFile(schemaFile)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the schema: %w", err)
	}

	admin, err := testdb.Open("", false)
	if err != nil {
		return nil, nil, err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE `"+dbName+"` CHARACTER SET utf8mb4"); err != nil {
		return nil, nil, fmt.Errorf("creating database %s (drop it first or choose another -db): %w", dbName, err)
	}

	db, err := testdb.Open(dbName, true)
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, string(schema)); err != nil {
		return nil, nil, fmt.Errorf("loading %s into %s: %w", schemaFile, dbName, err)
	}

	var (
		mu      sync.Mutex
		counts  = map[string]int{}
		timings = map[string]time.Duration{}
		errs    []error
		work    = make(chan table)
		wg      sync.WaitGroup
	)
	for range 2 {
		wg.Go(func() {
			for t := range work {
				begin := time.Now()
				n, err := load(ctx, db, t, p)
				mu.Lock()
				counts[t.name], timings[t.name] = n, time.Since(begin)
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		})
	}
	for _, t := range tables {
		work <- t
	}
	close(work)
	wg.Wait()

	if len(errs) > 0 {
		return nil, nil, errs[0]
	}
	// Fresh statistics, as a long-running instance would have, so that
	// the optimizer's plans in the benchmark match production.
	for _, t := range tables {
		if _, err := db.ExecContext(ctx, "ANALYZE TABLE `matomo_"+t.name+"`"); err != nil {
			return nil, nil, fmt.Errorf("analyzing matomo_%s: %w", t.name, err)
		}
	}
	return counts, timings, nil
}

// load streams one table's rows into LOAD DATA LOCAL INFILE through a
// registered reader, so no file is written.
func load(ctx context.Context, db *sql.DB, t table, p *plan) (int, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	// The generator's rows are unique by construction.
	if _, err := conn.ExecContext(ctx, "SET SESSION unique_checks = 0, foreign_key_checks = 0"); err != nil {
		return 0, err
	}

	pr, pw := io.Pipe()
	written := make(chan int, 1)
	go func() {
		bw := bufio.NewWriterSize(pw, 1<<20)
		w := &rowWriter{w: bw, first: true}
		t.write(p, w)
		pw.CloseWithError(bw.Flush())
		written <- w.rows
	}()

	readerName := "gen_" + t.name
	mysql.RegisterReaderHandler(readerName, func() io.Reader { return pr })
	defer mysql.DeregisterReaderHandler(readerName)

	query := "LOAD DATA LOCAL INFILE 'Reader::" + readerName + "' INTO TABLE `matomo_" + t.name + "`" +
		" CHARACTER SET utf8mb4 (`" + strings.Join(t.columns, "`, `") + "`)"
	_, err = conn.ExecContext(ctx, query)
	// Unblock the writer when the load stopped early.
	pr.CloseWithError(io.ErrClosedPipe)
	rows := <-written
	if err != nil {
		return 0, fmt.Errorf("loading matomo_%s: %w", t.name, err)
	}
	return rows, nil
}
