package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

// The database collector covers the database item of the checklist: the
// server version, tables that do not belong to Matomo, and the
// privileges, host and transport of the account the exporter connects with.
func init() {
	register("database", true, databaseCollector{})
}

var (
	dbVersionDesc = newDesc("database_version_info",
		"The database server's flavor (mysql, mariadb, percona, tidb) and version.", "flavor", "version")
	dbSupportEndDesc = newDesc("database_support_end_timestamp_seconds",
		"When security support ends for the database server's release line, as a unix timestamp, from a table built into the exporter.")
	dbForeignDesc = newDesc("database_foreign_tables",
		"Tables in the Matomo database whose name lacks the Matomo table prefix (another application shares the database); 0 when the prefix is empty.")
	dbGlobalPrivDesc = newDesc("database_user_global_privileges",
		"Privileges the database account holds on *.* beyond USAGE; a Matomo account needs none.")
	dbAnyHostDesc = newDesc("database_user_any_host",
		"Whether the database account may connect from any host (host part '%').")
	dbExposedDesc = newDesc("database_network_exposed",
		"Whether the database server listens on a non-loopback address (skip_networking off and bind_address not loopback).")
	dbEncryptedDesc = newDesc("database_connection_encrypted",
		"Whether the exporter's connection to the database uses TLS.")
)

type databaseCollector struct{}

func (databaseCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	db, err := s.DB(ctx)
	if err != nil {
		return err
	}
	p, err := db.Posture(ctx)
	if err != nil {
		return err
	}

	gauge(ch, dbVersionDesc, 1, p.Flavor, p.Version)
	if end, ok := DatabaseSupportEnd(p.Flavor, p.Version); ok {
		gauge(ch, dbSupportEndDesc, float64(end.Unix()))
	} else {
		s.Logger.Debug("Database version not in the built-in end-of-life table; no support end reported",
			"flavor", p.Flavor, "version", p.Version)
	}
	gauge(ch, dbForeignDesc, float64(p.ForeignTables))
	gauge(ch, dbGlobalPrivDesc, float64(p.GlobalPrivileges))
	gauge(ch, dbAnyHostDesc, boolValue(p.AnyHost))
	gauge(ch, dbExposedDesc, boolValue(p.NetworkExposed))
	gauge(ch, dbEncryptedDesc, boolValue(p.Encrypted))
	return nil
}
