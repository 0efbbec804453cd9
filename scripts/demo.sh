#!/usr/bin/env bash
# Starts the demo: loads a demo Matomo 5.4 database into the local MariaDB
# (database matomo_demo, account matomo_demo), writes its config.ini.php
# under .demo/, builds the exporter and runs it in the foreground.
# Stop it with Ctrl-C. Re-running it resets the demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

listen="${DEMO_LISTEN_ADDRESS:-127.0.0.1:10310}"
ensure_mariadb

echo "Loading the demo Matomo database into MariaDB (database matomo_demo)"
demo_password="demo-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mariadb -uroot -h127.0.0.1 <<SQL
DROP DATABASE IF EXISTS matomo_demo;
CREATE DATABASE matomo_demo CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'matomo_demo'@'127.0.0.1';
ALTER USER 'matomo_demo'@'127.0.0.1' IDENTIFIED BY '${demo_password}';
GRANT ALL PRIVILEGES ON matomo_demo.* TO 'matomo_demo'@'127.0.0.1';
SQL
mariadb -uroot -h127.0.0.1 matomo_demo < testdata/schema/matomo-5.4.sql
mariadb -uroot -h127.0.0.1 matomo_demo < testdata/seed/demo.sql

# The demo config is the fixture's, with [database] pointing at the demo
# database and account, as Matomo's installer would have written it.
mkdir -p .demo/matomo/config
awk -v pw="$demo_password" '
	/^\[/ { section = $0; print; if (section == "[database]") {
		print "host = \"127.0.0.1\""; print "port = 3306"; print "username = \"matomo_demo\"";
		print "password = \"" pw "\""; print "dbname = \"matomo_demo\"" }; next }
	section == "[database]" && $1 ~ /^(host|port|username|password|dbname)$/ { next }
	{ print }
' testdata/matomo/demo/config/config.ini.php > .demo/matomo/config/config.ini.php
chmod 600 .demo/matomo/config/config.ini.php

# The http collector stays off: without --matomo.url it would build its URL
# from the demo's trusted_hosts[], which name hosts on the internet.
echo "Building the exporter"
scripts/build.sh .demo/matomo_security_exporter

echo
echo "Demo running: metrics at http://${listen}/metrics (landing page at http://${listen}/); Ctrl-C stops it."
exec .demo/matomo_security_exporter \
	--matomo.config-file=.demo/matomo/config/config.ini.php \
	--web.listen-address="${listen}" --no-collector.http "$@"
