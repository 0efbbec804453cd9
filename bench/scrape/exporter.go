package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// exporterProcess is the exporter binary running on 127.0.0.1.
type exporterProcess struct {
	cmd    *exec.Cmd
	url    string
	stderr *lockedBuffer
	exited chan struct{}
}

// lockedBuffer collects the exporter's log while the benchmark reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// freePort returns a port the kernel reports unused. Another process could
// take it before the exporter binds it, and startExporter then fails with
// the exporter's own message.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// startExporter runs the binary with args and waits until it responds.
func startExporter(binary string, args []string) (*exporterProcess, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	args = append([]string{"--web.listen-address=" + addr, "--log.level=warn"}, args...)

	e := &exporterProcess{
		cmd:    exec.Command(binary, args...),
		url:    "http://" + addr,
		stderr: &lockedBuffer{},
		exited: make(chan struct{}),
	}
	e.cmd.Stderr = e.stderr
	if err := e.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", binary, err)
	}
	go func() {
		_ = e.cmd.Wait()
		close(e.exited)
	}()

	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(e.url + "/")
		if err == nil {
			resp.Body.Close()
			return e, nil
		}
		select {
		case <-e.exited:
			return nil, fmt.Errorf("exporter exited before it responded on %s; its log:\n%s", addr, e.stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	e.stop()
	return nil, fmt.Errorf("exporter did not respond on %s within 15 s; its log:\n%s", addr, e.stderr.String())
}

func (e *exporterProcess) stop() {
	_ = e.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-e.exited:
	case <-time.After(10 * time.Second):
		_ = e.cmd.Process.Kill()
		<-e.exited
	}
}

// scrapeResult is one GET /metrics.
type scrapeResult struct {
	wall time.Duration
	// durations is matomo_scrape_collector_duration_seconds by collector.
	durations map[string]float64
}

// scrape fetches /metrics and fails when a collector reports
// matomo_scrape_collector_success 0, so a broken check cannot pass for a
// fast one.
func (e *exporterProcess) scrape(ctx context.Context) (scrapeResult, error) {
	begin := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.url+"/metrics", nil)
	if err != nil {
		return scrapeResult{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return scrapeResult{}, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	wall := time.Since(begin)
	if err != nil {
		return scrapeResult{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return scrapeResult{}, fmt.Errorf("GET /metrics returned %s: %s", resp.Status, body)
	}

	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		return scrapeResult{}, fmt.Errorf("parsing the exposition: %w", err)
	}
	res := scrapeResult{wall: wall, durations: map[string]float64{}}
	var failed []string
	if mf := families["matomo_scrape_collector_success"]; mf != nil {
		for _, m := range mf.GetMetric() {
			if m.GetGauge().GetValue() != 1 {
				failed = append(failed, m.GetLabel()[0].GetValue())
			}
		}
	}
	if len(failed) > 0 {
		return scrapeResult{}, fmt.Errorf("collectors failed: %s; exporter log:\n%s", strings.Join(failed, ", "), e.stderr.String())
	}
	if mf := families["matomo_scrape_collector_duration_seconds"]; mf != nil {
		for _, m := range mf.GetMetric() {
			res.durations[m.GetLabel()[0].GetValue()] = m.GetGauge().GetValue()
		}
	}
	return res, nil
}

// peakRSS returns the process's peak resident set size (VmHWM) in bytes.
func (e *exporterProcess) peakRSS() (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", e.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if rest, ok := strings.CutPrefix(scanner.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmHWM line in /proc/%d/status", e.cmd.Process.Pid)
}
