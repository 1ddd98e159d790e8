#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (they cannot run on GitHub from here). Part of `mvn verify`.
# actionlint is a Go module: built once with the machine's Go toolchain and kept in ~/.cache.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.7.12
tools="${XDG_CACHE_HOME:-$HOME/.cache}/rdm-loadtest"
actionlint="$tools/actionlint-$version"
if [ ! -x "$actionlint" ]; then
  command -v go >/dev/null || { apt-get update -q && apt-get install -y -q golang-go; }
  mkdir -p "$tools/bin"
  GOBIN="$tools/bin" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
  mv "$tools/bin/actionlint" "$actionlint"
fi
command -v shellcheck >/dev/null || echo "lint-workflows: shellcheck not installed: the run: scripts are not checked (apt-get install shellcheck)"
"$actionlint" -no-color .github/workflows/*.yml
echo "actionlint $version: .github/workflows/*.yml clean"
