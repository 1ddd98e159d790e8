#!/bin/sh
# Entrypoint of the injector image: one Gatling run, results on the shared volume.
# Arguments are Maven -D flags (the Job passes -Dinjector.index=$(JOB_COMPLETION_INDEX), -Drun.id=... etc.);
# RUN_ID and JOB_COMPLETION_INDEX (env) name the results folder, RESULTS_DIR/<run.id>/injector-<index>/.
set -eu
: "${RUN_ID:?RUN_ID is not set (the Job takes it from the ConfigMap key run.id)}"
index="${JOB_COMPLETION_INDEX:-0}"
out="${RESULTS_DIR:-/results}/$RUN_ID/injector-$index"
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "rdm-loadtest: $out already holds a run: give this run a new run.id in the ConfigMap" >&2
  exit 3
fi
mkdir -p "$out"
# The Gatling plugin's results folder is fixed to target/gatling: point it at the shared volume, so even
# a pod killed midway leaves its simulation.log there.
rm -rf /app/target/gatling
ln -s "$out" /app/target/gatling
cd /app
exec mvn -o -B gatling:test "$@"
