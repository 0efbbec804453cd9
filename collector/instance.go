package collector

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/matomo-security-exporter/matomo-security-exporter/config"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// Options are the check settings shared by every instance.
type Options struct {
	// InactiveAfter is how long an account may go unseen before it counts as inactive.
	InactiveAfter time.Duration
	// UnusedAfter is how long a token may go unused before it counts as unused.
	UnusedAfter time.Duration
	// UserDetails turns on the per-user series for Super Users and admins.
	UserDetails bool
	// BackupGlob is a file pattern whose newest match is the last backup.
	BackupGlob string
	// LockWaitTimeout bounds how long a query waits for a table lock on
	// the server (the session's lock_wait_timeout); 0 means 10 s. A query
	// given up by its collector would otherwise keep its connection busy
	// until the lock is released.
	LockWaitTimeout time.Duration
}

// InstanceConfig locates each source of one Matomo instance. Empty
// fields leave that source out.
type InstanceConfig struct {
	Name string

	// ConfigFile is config/config.ini.php; it also gives the database
	// connection unless CredentialsFile names a dedicated account.
	ConfigFile      string
	Root            string
	CredentialsFile string

	// URL is the Matomo base URL for the Reporting API and the public checks.
	URL string
	// API is the Reporting API client, nil when no token is configured.
	API *matomo.APIClient
}

// Instance is one Matomo installation. It lives across scrapes and keeps
// the database connection pool, which it rebuilds when the connection
// settings in the config files change.
type Instance struct {
	cfg    InstanceConfig
	opts   Options
	logger *slog.Logger
	dbMu   sync.Mutex
	db     *sql.DB
	dbDSN  string
	errMu  sync.Mutex

	// lastErrors holds each failing collector's last error message.
	lastErrors map[string]string
}

// NewInstance prepares an instance; it opens nothing until the first scrape.
func NewInstance(cfg InstanceConfig, opts Options, logger *slog.Logger) *Instance {
	if cfg.ConfigFile != "" && cfg.Root == "" {
		// config/config.ini.php sits two levels below the Matomo root.
		cfg.Root = filepath.Dir(filepath.Dir(cfg.ConfigFile))
	}
	return &Instance{
		cfg:        cfg,
		opts:       opts,
		logger:     logger,
		lastErrors: map[string]string{},
	}
}

// Config returns what the instance was built from.
func (i *Instance) Config() InstanceConfig { return i.cfg }

// Close releases the database pool.
func (i *Instance) Close() error {
	i.dbMu.Lock()
	defer i.dbMu.Unlock()
	if i.db == nil {
		return nil
	}
	err := i.db.Close()
	i.db = nil
	return err
}

// pool returns the connection pool for dsn, replacing the old pool when
// the connection settings changed (a rotated password, say).
func (i *Instance) pool(mc *mysql.Config) (*sql.DB, error) {
	dsn := mc.FormatDSN()

	i.dbMu.Lock()
	defer i.dbMu.Unlock()
	if i.db != nil && i.dbDSN == dsn {
		return i.db, nil
	}
	if i.db != nil {
		i.logger.Info("Database connection settings changed; reconnecting")
		_ = i.db.Close()
		i.db = nil
	}

	connector, err := mysql.NewConnector(mc)
	if err != nil {
		return nil, fmt.Errorf("invalid database connection settings: %w", err)
	}
	db := sql.OpenDB(connector)

	// Collectors run concurrently; a few connections let them overlap
	// without becoming a load on the Matomo database.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	db.SetConnMaxLifetime(10 * time.Minute)
	db.SetConnMaxIdleTime(2 * time.Minute)

	i.db, i.dbDSN = db, dsn
	return db, nil
}

func (i *Instance) newScrape() *Scrape {
	s := &Scrape{inst: i, Logger: i.logger, Now: time.Now(), Options: i.opts}
	if i.cfg.ConfigFile != "" {
		var err error
		s.Config, err = config.LoadMatomo(i.cfg.ConfigFile, i.cfg.Root)
		if err != nil {
			s.configErr = &sourceError{source: "config", err: err}
		}
	}
	return s
}

// Scrape is the state of one scrape of one instance. It loads each source
// at most once (sync.Once), for whichever collector needs it first, and
// shares the result.
type Scrape struct {
	inst    *Instance
	Logger  *slog.Logger
	Now     time.Time
	Options Options

	// Config is nil when no config file is configured or it failed to load.
	Config    *config.Matomo
	configErr error

	answered atomic.Bool

	dbOnce sync.Once
	db     *matomo.DB
	dbErr  error

	settingsOnce sync.Once
	settings     matomo.SystemSettings
	settingsErr  error

	pluginsOnce sync.Once
	plugins     Plugins
	pluginsErr  error

	sourceMu       sync.Mutex
	sourceFailures map[*sourceError][]string
}

// sourceError is the failure of a source that several collectors share
// (the config files or the database connection). The Exporter logs it once
// per scrape instead of once per collector.
type sourceError struct {
	source string
	err    error
}

func (e *sourceError) Error() string { return e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }

func (s *Scrape) noteSourceFailure(se *sourceError, collector string) {
	s.sourceMu.Lock()
	defer s.sourceMu.Unlock()
	if s.sourceFailures == nil {
		s.sourceFailures = map[*sourceError][]string{}
	}
	s.sourceFailures[se] = append(s.sourceFailures[se], collector)
}

// MarkAnswered records a response from the instance on some source, which
// makes matomo_up 1.
func (s *Scrape) MarkAnswered() { s.answered.Store(true) }

// URL returns the Matomo base URL, empty when not configured.
func (s *Scrape) URL() string { return s.inst.cfg.URL }

// Root returns the Matomo root directory, empty when not configured.
func (s *Scrape) Root() string { return s.inst.cfg.Root }

// API returns the Reporting API client, nil when not configured.
func (s *Scrape) API() *matomo.APIClient { return s.inst.cfg.API }

// MatomoConfig returns the loaded config files, ErrNotConfigured when no
// config file is set, or the load error.
func (s *Scrape) MatomoConfig() (*config.Matomo, error) {
	if s.inst.cfg.ConfigFile == "" {
		return nil, ErrNotConfigured
	}
	if s.configErr != nil {
		return nil, s.configErr
	}
	return s.Config, nil
}

// DB connects to the Matomo database on first use. It returns
// ErrNotConfigured when the target has no config file, because the table
// prefix and, by default, the credentials come from there.
func (s *Scrape) DB(ctx context.Context) (*matomo.DB, error) {
	s.dbOnce.Do(func() {
		var err error
		s.db, err = s.connect(ctx)
		var shared *sourceError
		switch {
		case err == nil, errors.Is(err, ErrNotConfigured):
			s.dbErr = err
		case errors.As(err, &shared):
			s.dbErr = err // the config files failed to load
		default:
			s.dbErr = &sourceError{source: "database", err: err}
		}
	})
	return s.db, s.dbErr
}

func (s *Scrape) connect(ctx context.Context) (*matomo.DB, error) {
	cfg, err := s.MatomoConfig()
	if err != nil {
		return nil, err
	}

	settings := cfg.Database()
	if path := s.inst.cfg.CredentialsFile; path != "" {
		creds, err := config.LoadCredentials(path)
		if err != nil {
			return nil, err
		}
		settings = creds.Apply(settings)
	}

	mc, err := settings.MySQLConfig()
	if err != nil {
		return nil, err
	}
	lockWait := s.Options.LockWaitTimeout
	if lockWait <= 0 {
		lockWait = 10 * time.Second
	}
	if mc.Params == nil {
		mc.Params = map[string]string{}
	}
	mc.Params["lock_wait_timeout"] = fmt.Sprint(max(1, int(lockWait.Seconds())))

	pool, err := s.inst.pool(mc)
	if err != nil {
		return nil, err
	}
	if err := pool.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("connecting to the Matomo database at %s as user %q failed: %w; check [database] in %s or the credentials file",
			settings.Addr(), settings.Username, redactDriverError(err), s.inst.cfg.ConfigFile)
	}
	s.MarkAnswered()
	return matomo.NewDB(pool, settings.TablesPrefix), nil
}

// redactDriverError keeps the MySQL error number and message, which never
// contain the password, and drops wrapping that might.
func redactDriverError(err error) error {
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		return me
	}
	return err
}
