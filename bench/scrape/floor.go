package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/matomo-security-exporter/matomo-security-exporter/config"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// The floor is what the exporter's SQL costs with no exporter around it.
// The benchmark calls the matomo package once through a driver wrapper
// that records every statement with its arguments, then replays the
// recorded statements on plain connections and reads every row as raw
// bytes.

// statement is one recorded query.
type statement struct {
	collector string
	query     string
	args      []any
	// lane numbers the statements of a collector that ran at the same
	// time. The replay runs each lane on its own connection.
	lane int
	// start and end are when the query was sent and its rows closed.
	start, end time.Time
}

type recorder struct {
	mu         sync.Mutex
	statements []*statement
}

type collectorKey struct{}

// add records a query that is being sent and returns the record, whose
// end the rows wrapper sets.
func (r *recorder) add(ctx context.Context, query string, args []driver.NamedValue) *statement {
	name, _ := ctx.Value(collectorKey{}).(string)
	values := make([]any, len(args))
	for i, a := range args {
		values[i] = a.Value
	}
	st := &statement{collector: name, query: query, args: values, start: time.Now()}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.statements = append(r.statements, st)
	return st
}

// finish returns the statements in the order they were sent, each with
// its lane: a statement goes to the first lane of its collector that was
// idle when it started.
func (r *recorder) finish() []statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	slices.SortStableFunc(r.statements, func(a, b *statement) int { return a.start.Compare(b.start) })
	laneEnds := map[string][]time.Time{}
	out := make([]statement, len(r.statements))
	for i, st := range r.statements {
		ends := laneEnds[st.collector]
		lane := slices.IndexFunc(ends, func(end time.Time) bool { return !end.After(st.start) })
		if lane < 0 {
			lane = len(ends)
			ends = append(ends, time.Time{})
		}
		ends[lane] = st.end
		laneEnds[st.collector] = ends
		st.lane = lane
		out[i] = *st
	}
	return out
}

// recordingRows notes when a query's rows are closed.
type recordingRows struct {
	driver.Rows
	st *statement
	mu *sync.Mutex
}

func (r *recordingRows) Close() error {
	err := r.Rows.Close()
	r.mu.Lock()
	r.st.end = time.Now()
	r.mu.Unlock()
	return err
}

// recordingConnector wraps the MySQL connector. Without interpolateParams
// the driver returns driver.ErrSkip for a query with arguments, and
// database/sql then prepares it. Either path records the query once.
type recordingConnector struct {
	inner driver.Connector
	rec   *recorder
}

func (c recordingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: conn, rec: c.rec}, nil
}

func (c recordingConnector) Driver() driver.Driver { return c.inner.Driver() }

type recordingConn struct {
	driver.Conn
	rec *recorder
}

func (c *recordingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	start := time.Now()
	rows, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	if err == driver.ErrSkip {
		return nil, err
	}
	st := c.rec.add(ctx, query, args)
	st.start = start
	if err != nil {
		st.end = time.Now()
		return nil, err
	}
	return &recordingRows{Rows: rows, st: st, mu: &c.rec.mu}, nil
}

func (c *recordingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	stmt, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &recordingStmt{Stmt: stmt, query: query, rec: c.rec}, nil
}

func (c *recordingConn) Ping(ctx context.Context) error { return c.Conn.(driver.Pinger).Ping(ctx) }

func (c *recordingConn) CheckNamedValue(nv *driver.NamedValue) error {
	return c.Conn.(driver.NamedValueChecker).CheckNamedValue(nv)
}

func (c *recordingConn) ResetSession(ctx context.Context) error {
	return c.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c *recordingConn) IsValid() bool { return c.Conn.(driver.Validator).IsValid() }

type recordingStmt struct {
	driver.Stmt
	query string
	rec   *recorder
}

func (s *recordingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	st := s.rec.add(ctx, s.query, args)
	rows, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		st.end = time.Now()
		return nil, err
	}
	return &recordingRows{Rows: rows, st: st, mu: &s.rec.mu}, nil
}

func (s *recordingStmt) CheckNamedValue(nv *driver.NamedValue) error {
	return s.Stmt.(driver.NamedValueChecker).CheckNamedValue(nv)
}

// target is the Matomo instance as the exporter reads it: its config file
// with the benchmark account's credentials applied.
type target struct {
	cfg         *config.Matomo
	mysqlConfig *mysql.Config
	prefix      string
}

func loadTarget(configFile, root, credentialsFile string) (*target, error) {
	cfg, err := config.LoadMatomo(configFile, root)
	if err != nil {
		return nil, err
	}
	creds, err := config.LoadCredentials(credentialsFile)
	if err != nil {
		return nil, err
	}
	settings := creds.Apply(cfg.Database())
	mc, err := settings.MySQLConfig()
	if err != nil {
		return nil, err
	}
	return &target{cfg: cfg, mysqlConfig: mc, prefix: settings.TablesPrefix}, nil
}

// open returns a pool with the exporter's limit of four connections.
func (t *target) open(rec *recorder) (*sql.DB, error) {
	connector, err := mysql.NewConnector(t.mysqlConfig)
	if err != nil {
		return nil, err
	}
	if rec != nil {
		connector = recordingConnector{inner: connector, rec: rec}
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	return db, nil
}

// The exporter's defaults for --collector.users.inactive-after and
// --collector.tokens.unused-after.
const (
	inactiveAfter = 90 * 24 * time.Hour
	unusedAfter   = 90 * 24 * time.Hour
)

// settingsOnce reads the plugin settings once, as collector.Scrape does
// for all collectors of a scrape.
type settingsOnce struct {
	once sync.Once
	set  matomo.SystemSettings
	err  error
}

func (s *settingsOnce) get(ctx context.Context, db *matomo.DB, cfg *config.Matomo) (matomo.SystemSettings, error) {
	s.once.Do(func() {
		var stored matomo.StoredSettings
		if stored, s.err = db.StoredSettings(ctx); s.err == nil {
			s.set = matomo.ResolveSettings(stored, cfg)
		}
	})
	return s.set, s.err
}

// collectorCalls returns the matomo package calls that each database
// collector makes in collector/*.go, with the exporter's default options.
// The calls of one map share a settings cache.
// NOTE: keep this in step with the collectors. The benchmark prints the
// exporter's statement count next to the floor's, so a drift shows there.
func (t *target) collectorCalls() map[string]func(context.Context, *matomo.DB) error {
	cache := &settingsOnce{}
	settings := func(ctx context.Context, db *matomo.DB) (matomo.SystemSettings, error) {
		return cache.get(ctx, db, t.cfg)
	}
	return map[string]func(context.Context, *matomo.DB) error{
		"archiving": func(ctx context.Context, db *matomo.DB) error {
			_, err := db.Archiving(ctx)
			return err
		},
		"bruteforce": func(ctx context.Context, db *matomo.DB) error {
			set, err := settings(ctx, db)
			if err != nil {
				return err
			}
			_, err = db.BruteForce(ctx, set)
			return err
		},
		"database": func(ctx context.Context, db *matomo.DB) error {
			_, err := db.Posture(ctx)
			return err
		},
		"tokens": func(ctx context.Context, db *matomo.DB) error {
			_, err := db.Tokens(ctx, matomo.TokenQuery{
				UnusedAfter: unusedAfter,
				OnlySecure:  t.cfg.Bool("General", "only_allow_secure_auth_tokens", false),
			})
			return err
		},
		"twofactor": func(ctx context.Context, db *matomo.DB) error {
			_, err := settings(ctx, db)
			return err
		},
		"users": func(ctx context.Context, db *matomo.DB) error {
			_, err := db.Users(ctx, matomo.UserQuery{
				InactiveAfter:   inactiveAfter,
				TwoFactorActive: slices.Contains(t.cfg.List("Plugins", "Plugins"), "TwoFactorAuth"),
			})
			if err != nil {
				return err
			}
			_, err = settings(ctx, db)
			return err
		},
		"versions": func(ctx context.Context, db *matomo.DB) error {
			_, err := db.Versions(ctx)
			return err
		},
	}
}

// capture records the statements of one scrape. With shared, all
// collectors run concurrently on one matomo.DB, as in the exporter, so the
// schema, option and settings reads happen once. Otherwise each collector
// gets its own matomo.DB, and its list holds everything it needs when it
// runs alone.
func (t *target) capture(ctx context.Context, shared bool) ([]statement, error) {
	rec := &recorder{}
	pool, err := t.open(rec)
	if err != nil {
		return nil, err
	}
	defer pool.Close()

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		errs     []error
		sharedDB = matomo.NewDB(pool, t.prefix)
		// One settings cache for a shared scrape, one per collector
		// otherwise.
		calls = t.collectorCalls()
	)
	for name := range calls {
		db, call := sharedDB, calls[name]
		if !shared {
			db, call = matomo.NewDB(pool, t.prefix), t.collectorCalls()[name]
		}
		wg.Go(func() {
			if err := call(context.WithValue(ctx, collectorKey{}, name), db); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("collector %s: %w", name, err))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return rec.finish(), nil
}

// replayResult is one replay of a statement list.
type replayResult struct {
	wall time.Duration
	// perCollector is the wall time of each collector's statements.
	perCollector map[string]time.Duration
	// perQuery is the time of each statement, in list order.
	perQuery []time.Duration
}

// replay runs each lane's statements in order, all lanes concurrently on
// the pool, and reads every row.
func replay(ctx context.Context, pool *sql.DB, statements []statement) (replayResult, error) {
	type laneKey struct {
		collector string
		lane      int
	}
	lanes := map[laneKey][]int{}
	for i, s := range statements {
		k := laneKey{s.collector, s.lane}
		lanes[k] = append(lanes[k], i)
	}

	res := replayResult{perCollector: map[string]time.Duration{}, perQuery: make([]time.Duration, len(statements))}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	begin := time.Now()
	for k, indexes := range lanes {
		wg.Go(func() {
			for _, i := range indexes {
				t0 := time.Now()
				if err := drain(ctx, pool, statements[i]); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					return
				}
				res.perQuery[i] = time.Since(t0)
			}
			mu.Lock()
			res.perCollector[k.collector] = max(res.perCollector[k.collector], time.Since(begin))
			mu.Unlock()
		})
	}
	wg.Wait()
	res.wall = time.Since(begin)
	if len(errs) > 0 {
		return res, errs[0]
	}
	return res, nil
}

func drain(ctx context.Context, pool *sql.DB, s statement) error {
	rows, err := pool.QueryContext(ctx, s.query, s.args...)
	if err != nil {
		return fmt.Errorf("replaying %q: %w", s.query, err)
	}
	defer rows.Close()
	columns, err := rows.Columns()
	if err != nil {
		return err
	}
	values := make([]sql.RawBytes, len(columns))
	dest := make([]any, len(columns))
	for i := range values {
		dest[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
	}
	return rows.Err()
}
