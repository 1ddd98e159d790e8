// cAdvisor's container metrics for invenio-local's tiers: the manager and the Prometheus collector of
// github.com/google/cadvisor/lib, the library the kubelet embeds, watching raw cgroups (no Docker) and serving
// /metrics on one address. cAdvisor's own command (its cmd/ module) is not served by the Go module proxy, so this
// main wires the same library parts that it wires, and only those invenio-local needs (CPU).
package main

import (
	"flag"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/google/cadvisor/lib/cache/memory"
	"github.com/google/cadvisor/lib/container"
	"github.com/google/cadvisor/lib/manager"
	"github.com/google/cadvisor/lib/metrics"
	info "github.com/google/cadvisor/lib/model"
	"github.com/google/cadvisor/lib/utils/sysfs"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"k8s.io/utils/clock"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:8181", "address of /metrics")
	prefixes := flag.String("raw_cgroup_prefix_whitelist", "/invenio-local", "comma-separated cgroup paths to watch, as cAdvisor's flag of that name")
	// The library's own flags (housekeeping_interval, allow_dynamic_housekeeping, docker_only, ...) are cAdvisor's.
	flag.Parse()
	allowDynamic := flag.Lookup("allow_dynamic_housekeeping").Value.(flag.Getter).Get().(bool)

	// CPU only: usage, CFS periods and throttling, the spec's quota and period (what the kubelet's CPU limit sets).
	included := container.MetricSet{container.CpuUsageMetrics: struct{}{}}
	m, err := manager.New(
		memory.New(2*time.Minute, nil),
		sysfs.NewRealSysFs(),
		manager.HousekeepingConfig{Interval: manager.HousekeepingInterval, AllowDynamic: &allowDynamic},
		included,
		strings.Split(*prefixes, ","),
		nil, "", 0)
	if err != nil {
		log.Fatalf("cadvisor: manager: %v", err)
	}
	if err := m.Start(); err != nil {
		log.Fatalf("cadvisor: start: %v", err)
	}
	registry := prometheus.NewRegistry()
	registry.MustRegister(metrics.NewPrometheusCollector(m, metrics.DefaultContainerLabels, included, clock.RealClock{},
		info.RequestOptions{IdType: info.TypeName, Count: 1, Recursive: true}))
	http.Handle("/metrics", promhttp.HandlerFor(registry, promhttp.HandlerOpts{ErrorLog: log.Default()}))
	log.Printf("cadvisor: /metrics on %s, watching %s", *listen, *prefixes)
	log.Fatal(http.ListenAndServe(*listen, nil))
}
