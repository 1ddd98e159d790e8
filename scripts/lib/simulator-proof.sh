# shellcheck shell=bash disable=SC2034 # the arrays are for the scripts that source this
# What the simulator proofs (prove-attribution.sh, prove-prediction.sh) share: a Prometheus scraping one simulator,
# the simulator started and stopped per capacity search, fixed service times, and the REST API reader mix. Sourced;
# the caller sets SIM_PORT and PROM_PORT and has run `set -euo pipefail` and cd'd to the project.

# Fixed service times, well above the real work of answering, so the model's capacity holds.
SIMULATOR_FIXED=(
    -Dsimulator.serviceTime.distribution=fixed
    -Dsimulator.serviceTime.search=20ms -Dsimulator.serviceTime.record=20ms -Dsimulator.serviceTime.files=10ms
    -Dsimulator.serviceTime.download=10ms -Dsimulator.serviceTime.communities=20ms
    "-Dsimulator.backendTime.download=database=1ms,files=4ms" "-Dsimulator.backendTime.communities=search=4ms,database=1ms"
    "-Dsimulator.backendTime.files=database=1ms"
)
# The reader mix only (no depositors, no harvesters, no web UI or IIIF): searches, record views, downloads (files up
# to 2 MB), communities; as the committed reports were measured.
READERS_ONLY=(
    -Dtraffic.depositors=0 -Dtraffic.harvesters=0 -Dtraffic.mix.landingPage=0 -Dtraffic.mix.searchPage=0
    -Dtraffic.mix.frontPage=0 -Dtraffic.mix.communityPages=0 -Dtraffic.mix.uploads=0 -Dtraffic.mix.iiif=0
    -Dtraffic.download.maxMB=2
)

# start_prometheus DIR: a Prometheus scraping the simulator every second, its data and log in DIR; stopped on exit
# with the simulator.
start_prometheus() {
    local dir=$1 prometheus
    prometheus=$(scripts/build-prometheus.sh)
    mkdir -p "$dir/prometheus"
    cat > "$dir/prometheus.yml" <<YML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: simulator
    static_configs: [{targets: ['127.0.0.1:$SIM_PORT']}]
YML
    "$prometheus" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prometheus" \
        --web.listen-address="127.0.0.1:$PROM_PORT" >"$dir/prometheus.log" 2>&1 &
    PROM_PID=$!
    SIM_PID=
    trap stop_all EXIT
    until curl -sf "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null; do sleep 0.5; done
}

stop_all() {
    stop_simulator
    kill "$PROM_PID" 2>/dev/null || true
}

# start_simulator LOG KEYS...: a fresh simulator with the fixed service times and KEYS; returns once Prometheus has
# two scrapes of it (the run's preflight asks Prometheus for every tier).
start_simulator() {
    local log=$1
    shift
    mvn -q -B exec:java@simulator -Dsimulator.port="$SIM_PORT" "${SIMULATOR_FIXED[@]}" "$@" >"$log" 2>&1 &
    SIM_PID=$!
    until curl -sf "http://127.0.0.1:$SIM_PORT/metrics" >/dev/null; do sleep 0.5; done
    until curl -sf "http://127.0.0.1:$PROM_PORT/api/v1/query" \
            --data-urlencode 'query=rate(rdm_simulator_tier_busy_seconds_total{tier="app"}[5s])' |
            grep -q '"tier"'; do sleep 0.5; done
}

stop_simulator() {
    if [[ -n ${SIM_PID:-} ]]; then
        kill "$SIM_PID" 2>/dev/null || true
        wait "$SIM_PID" 2>/dev/null || true
    fi
    SIM_PID=
}

# capacity_search LOG KEYS...: the capacity search of the reader mix against the simulator, with Prometheus's
# tier metrics; KEYS set the steps and where the report goes. A failed search leaves its report (or none) to the
# caller's check.
capacity_search() {
    local log=$1
    shift
    INVENIO_TOKEN=rdm-loadtest-token-1 mvn -q -B exec:java@capacity \
        -Dinvenio.baseUrl="http://127.0.0.1:$SIM_PORT" \
        -Dmetrics.file=classpath:metrics/simulator.json -Dmetrics.prometheusUrl="http://127.0.0.1:$PROM_PORT" \
        "${READERS_ONLY[@]}" -Dhistory.record=false -Dcapacity.confirmFailures=0 -Dcapacity.expectedPeakRps=100 \
        "$@" >"$log" 2>&1 || true
}
