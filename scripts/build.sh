#!/usr/bin/env bash
# Builds the exporter with its version, revision and build date set, so
# that --version and matomo_security_exporter_build_info report them.
# Usage: scripts/build.sh [OUTPUT] (default: ./matomo_security_exporter)
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-matomo_security_exporter}"
pkg=github.com/prometheus/common/version
version="$(cat VERSION)"
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
branch="$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)"

CGO_ENABLED=0 go build -trimpath -o "$output" -ldflags "\
	-X $pkg.Version=$version \
	-X $pkg.Revision=$revision \
	-X $pkg.Branch=$branch \
	-X $pkg.BuildUser=$(id -un)@$(hostname) \
	-X $pkg.BuildDate=$(date -u +%Y%m%d-%H:%M:%S)" .
echo "Built $output ($version, $revision)"
