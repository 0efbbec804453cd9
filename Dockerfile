# Runtime image for matomo_security_exporter.
#
# The image holds only a static binary and a CA bundle, so it builds without
# pulling a base image. docker/build-image.sh compiles the binary
# (CGO_ENABLED=0, version information in -ldflags), copies it with the
# Dockerfile and /etc/ssl/certs/ca-certificates.crt into a temporary build
# context and runs buildah. To build by hand, put the files
# matomo_security_exporter and ca-certificates.crt next to this Dockerfile.
FROM scratch

ARG VERSION=unknown
ARG REVISION=unknown
ARG CREATED=unknown

LABEL org.opencontainers.image.title="matomo_security_exporter" \
      org.opencontainers.image.description="Prometheus exporter that turns the Matomo security checklist into metrics" \
      org.opencontainers.image.source="https://github.com/matomo-security-exporter/matomo-security-exporter" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"

# The CA bundle lets the exporter verify Matomo's HTTPS certificate and a
# TLS database connection.
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY matomo_security_exporter /bin/matomo_security_exporter

# nobody:nogroup. The exporter only reads Matomo's files, so they must be
# readable by this user (or by a group given with --group-add).
USER 65534:65534

EXPOSE 10310

ENTRYPOINT ["/bin/matomo_security_exporter"]
