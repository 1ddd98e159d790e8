#!/usr/bin/env bash
# The Prometheus that the attribution tests scrape the simulator with: $PROMETHEUS_BINARY when set, else one built
# once with the machine's Go from its Go module and kept in ~/.cache, as actionlint is (scripts/lint-workflows.sh).
# Part of `mvn verify`, before the tests: links target/prometheus to it (where PrometheusProcess looks) and prints
# its path. Built without service discovery and without the web UI's assets: the tests use static targets and the
# HTTP API.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v0.316.0 # the module's v0.3xx.y is Prometheus 3.xx.y
if [ -n "${PROMETHEUS_BINARY:-}" ]; then
  [ -x "$PROMETHEUS_BINARY" ] || {
    echo "build-prometheus: PROMETHEUS_BINARY=$PROMETHEUS_BINARY is not an executable file" >&2
    exit 1
  }
  binary="$PROMETHEUS_BINARY"
else
  tools="${XDG_CACHE_HOME:-$HOME/.cache}/rdm-loadtest"
  binary="$tools/prometheus-$version"
  if [ ! -x "$binary" ]; then
    command -v go >/dev/null || {
      echo "build-prometheus: go not found: Prometheus $version is built with Go 1.26.7 or later (or set PROMETHEUS_BINARY)" >&2
      exit 1
    }
    echo "build-prometheus: building Prometheus $version from its Go module, once (minutes); kept in $tools" >&2
    started=$SECONDS
    mkdir -p "$tools"
    # A build folder of its own: parallel builds on one machine must not move each other's half-written binary.
    out=$(mktemp -d "$tools/build.XXXXXX")
    trap 'rm -rf "$out"' EXIT
    GOBIN="$out" go install -tags remove_all_sd "github.com/prometheus/prometheus/cmd/prometheus@$version"
    mv -f "$out/prometheus" "$binary"
    echo "build-prometheus: built in $((SECONDS - started)) s" >&2
  fi
fi
mkdir -p target
ln -sfn "$binary" target/prometheus
echo "$binary"
