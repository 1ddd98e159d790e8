#!/bin/sh
# Entrypoint of the injector image: one Gatling run of the built classes (no Maven), results on the shared volume.
# Arguments are -D flags (the Job passes -Dsimulation=..., -Dinjector.index=$(JOB_COMPLETION_INDEX), -Drun.id=...);
# RUN_ID and JOB_COMPLETION_INDEX (env) name the results folder, RESULTS_DIR/<run.id>/injector-<index>/.
set -eu
: "${RUN_ID:?RUN_ID is not set (the Job takes it from the ConfigMap key run.id)}"
app="${APP_HOME:-/app}"
index="${JOB_COMPLETION_INDEX:-0}"
out="${RESULTS_DIR:-/results}/$RUN_ID/injector-$index"
simulation="${SIMULATION:-rdmloadtest.simulations.DefaultMixSimulation}"
for arg in "$@"; do
  case "$arg" in -Dsimulation=*) simulation="${arg#-Dsimulation=}" ;; esac
done
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "rdm-loadtest: $out already holds a run: give this run a new run.id in the ConfigMap" >&2
  exit 1
fi
mkdir -p "$out"
cd "$app"
# Gatling writes straight to the shared volume, so even a pod killed midway leaves its simulation.log there.
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec "${JAVA:-java}" ${JAVA_OPTS:--Xmx1g} \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
  -Dslo.resultsFolder="$out" "$@" \
  -cp "$app/classes:$app/test-classes:$app/lib/*" \
  io.gatling.app.Gatling --simulation "$simulation" --results-folder "$out"
