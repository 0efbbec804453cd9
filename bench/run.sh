#!/usr/bin/env bash
# Benchmarks the exporter on generated Matomo 5.4 databases.
#
#   bench/run.sh [--smoke] [--sizes small,medium,large] [--runs N] [--explain] [--all-owners]
#
# For each size it fills a new database on the local MariaDB with bench/gen,
# runs bench/scrape against the exporter binary built from this tree, and
# drops the database. --smoke runs the small size with two timed scrapes and
# asserts nothing about time (CI runs it). --explain prints every statement
# of a scrape with its plan; --all-owners spreads the API tokens over every
# account (see bench/gen). The report goes to stdout and to bench/results/.
# The server comes from MATOMO_TEST_DB_ADDR (default 127.0.0.1:3306, account
# root without password), as in internal/testdb.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="small,medium,large"
runs=""
explain=""
owners=""
smoke=0
while [ $# -gt 0 ]; do
	case "$1" in
	--smoke) smoke=1 ;;
	--sizes) sizes="${2:?--sizes needs a list such as small,medium}"; shift ;;
	--sizes=*) sizes="${1#--sizes=}" ;;
	--runs) runs="${2:?--runs needs a number}"; shift ;;
	--runs=*) runs="${1#--runs=}" ;;
	--explain) explain="-explain" ;;
	--all-owners) owners="-all-owners" ;;
	-h | --help) sed -n '2,14p' "$0"; exit 0 ;;
	*) echo "bench/run.sh: unknown argument $1; see --help" >&2; exit 2 ;;
	esac
	shift
done
if [ "$smoke" = 1 ]; then
	sizes="small"
	runs="${runs:-2}"
fi

work="$(mktemp -d)"
databases=()
cleanup() {
	for db in "${databases[@]}"; do
		"$work/gen" -drop -db "$db" || echo "bench/run.sh: could not drop database $db; drop it by hand" >&2
	done
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/matomo_security_exporter" .
go build -o "$work/gen" ./bench/gen
go build -o "$work/scrape" ./bench/scrape

mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).txt"
{
	echo "bench/run.sh $(date -u +%Y-%m-%dT%H:%M:%SZ): sizes $sizes"
	echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory, $(go version | cut -d' ' -f3-)"
	echo
} | tee "$out"

IFS=',' read -ra size_list <<<"$sizes"
for size in "${size_list[@]}"; do
	case "$size" in
	small | medium) size_runs="${runs:-10}" ;;
	large) size_runs="${runs:-5}" ;;
	*) echo "bench/run.sh: unknown size $size; use small, medium or large" >&2; exit 2 ;;
	esac
	db="mse_bench_${size}_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
	databases+=("$db")
	label="$size"
	[ -n "$owners" ] && label="$size, tokens over all accounts"
	"$work/gen" -size "$size" -db "$db" $owners | tee -a "$out"
	"$work/scrape" -db "$db" -size "$label" -exporter "$work/matomo_security_exporter" -runs "$size_runs" $explain | tee -a "$out"
	"$work/gen" -drop -db "$db"
done
echo "report written to $out"
