#!/usr/bin/env bash
# Runs every test: go vet, the Go test suite against the local MariaDB and
# a real Prometheus, the alert rule tests, and a small benchmark smoke run.
# Installs and starts what is missing on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_mariadb
# promtool and prometheus for rule tests and the end-to-end test, php for
# the differential test of the config reader, buildah for the image test.
ensure_packages promtool:prometheus php:php-cli buildah:buildah

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 -timeout 20m ./...

echo "== benchmark smoke run (small size, no timing assertions)"
if [ -x bench/run.sh ]; then
	bench/run.sh --smoke
fi
