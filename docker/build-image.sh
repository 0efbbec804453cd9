#!/usr/bin/env bash
# Build the matomo_security_exporter container image without a registry.
#
# Compiles a static binary with version information, assembles a build
# context in a temporary directory (binary, CA bundle, Dockerfile) and runs
# buildah on the Dockerfile, whose runtime stage is FROM scratch.
#
# Usage: docker/build-image.sh [IMAGE]
#   IMAGE defaults to localhost/matomo-security-exporter:dev.
#
# Environment:
#   VERSION, REVISION, BRANCH  version information; default from git
#   CA_BUNDLE                  CA certificates to ship
#                              (default /etc/ssl/certs/ca-certificates.crt)
#   BUILDAH_ROOT, BUILDAH_RUNROOT
#                              storage directories for buildah; default is
#                              buildah's own (/var/lib/containers/storage)
#
# Needs go and buildah (Debian: apt-get install -y buildah). Runs as root or
# wherever buildah can use the vfs storage driver with chroot isolation.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
image=${1:-localhost/matomo-security-exporter:dev}
ca_bundle=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

for tool in go buildah; do
    if ! command -v "$tool" >/dev/null; then
        echo "build-image.sh: $tool not found in PATH; install it first (buildah: apt-get install -y buildah)" >&2
        exit 1
    fi
done
if [[ ! -r $ca_bundle ]]; then
    echo "build-image.sh: CA bundle $ca_bundle not readable; install ca-certificates or set CA_BUNDLE" >&2
    exit 1
fi

cd "$repo_root"
version=${VERSION:-$(cat VERSION 2>/dev/null || echo 0.0.0-dev)}
revision=${REVISION:-$(git rev-parse --verify --quiet HEAD 2>/dev/null || echo unknown)}
branch=${BRANCH:-$(git symbolic-ref --short HEAD 2>/dev/null || echo unknown)}
build_date=$(date -u +%Y%m%d-%H:%M:%S)
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT

version_pkg=github.com/prometheus/common/version
ldflags="-s -w"
ldflags+=" -X $version_pkg.Version=$version"
ldflags+=" -X $version_pkg.Revision=$revision"
ldflags+=" -X $version_pkg.Branch=$branch"
ldflags+=" -X $version_pkg.BuildUser=build-image.sh"
ldflags+=" -X $version_pkg.BuildDate=$build_date"

echo "Building matomo_security_exporter $version ($revision)"
CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$context/matomo_security_exporter" .
cp Dockerfile .dockerignore "$context/"
cp "$ca_bundle" "$context/ca-certificates.crt"

buildah=(buildah --storage-driver vfs)
if [[ -n ${BUILDAH_ROOT:-} ]]; then
    buildah+=(--root "$BUILDAH_ROOT")
fi
if [[ -n ${BUILDAH_RUNROOT:-} ]]; then
    buildah+=(--runroot "$BUILDAH_RUNROOT")
fi

echo "Building image $image"
"${buildah[@]}" bud --isolation chroot --format oci \
    --build-arg "VERSION=$version" \
    --build-arg "REVISION=$revision" \
    --build-arg "CREATED=$created" \
    --tag "$image" \
    --file "$context/Dockerfile" \
    "$context"
echo "Built $image"
