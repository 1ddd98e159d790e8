#!/bin/sh
# Copies one run's results (every injector-<i>/ folder) from the shared volume to this machine, through
# a short-lived helper pod (k8s/collect-pod.yaml), then prints the merge command.
# Usage: scripts/collect-injectors.sh RUN_ID [DEST]     (NAMESPACE=... for another namespace than kubectl's)
set -eu
run_id="${1:?usage: scripts/collect-injectors.sh RUN_ID [DEST]}"
dest="${2:-collected}"
cd "$(dirname "$0")/.."
ns=""
[ -n "${NAMESPACE:-}" ] && ns="-n $NAMESPACE"

# shellcheck disable=SC2086
kubectl $ns apply -f k8s/collect-pod.yaml
# shellcheck disable=SC2086
kubectl $ns wait --for=condition=Ready pod/rdm-loadtest-collect --timeout=180s
mkdir -p "$dest"
# shellcheck disable=SC2086
kubectl $ns cp "rdm-loadtest-collect:/results/$run_id" "$dest/$run_id"
# shellcheck disable=SC2086
kubectl $ns delete pod rdm-loadtest-collect --wait=false

echo "Collected: $(find "$dest/$run_id" -name simulation.log | wc -l) injector log(s) in $dest/$run_id"
echo "Merge:     mvn -q exec:java@merge -Dmerge.in=$dest/$run_id -Dmerge.out=$dest/$run_id-merged"
