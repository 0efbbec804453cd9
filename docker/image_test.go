// Package docker holds no Go code: its test builds the container image with
// build-image.sh and checks what is inside.
package docker

import (
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	testImage    = "localhost/matomo-security-exporter:imagetest"
	testVersion  = "1.2.3-imagetest"
	testRevision = "0123456789abcdef"
	testBranch   = "imagetest"
	binaryPath   = "/bin/matomo_security_exporter"
)

// buildah runs buildah against the test's own storage directories, so the
// test neither needs nor touches the machine's image store.
type buildah struct {
	t       *testing.T
	root    string
	runroot string
}

func (b buildah) args(args ...string) []string {
	return append([]string{"--storage-driver", "vfs", "--root", b.root, "--runroot", b.runroot}, args...)
}

func (b buildah) run(args ...string) string {
	b.t.Helper()
	out, err := exec.Command("buildah", b.args(args...)...).Output()
	if err != nil {
		stderr := ""
		if exitErr, ok := err.(*exec.ExitError); ok {
			stderr = string(exitErr.Stderr)
		}
		b.t.Fatalf("buildah %s failed: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return strings.TrimSpace(string(out))
}

// runQuietly is for cleanup, where a failure must not hide the test's result.
func (b buildah) runQuietly(args ...string) {
	if out, err := exec.Command("buildah", b.args(args...)...).CombinedOutput(); err != nil {
		b.t.Logf("cleanup: buildah %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

type imageConfig struct {
	OCIv1 struct {
		Config struct {
			User         string              `json:"User"`
			ExposedPorts map[string]struct{} `json:"ExposedPorts"`
			Entrypoint   []string            `json:"Entrypoint"`
			Labels       map[string]string   `json:"Labels"`
		} `json:"config"`
	} `json:"OCIv1"`
}

func TestImageBuild(t *testing.T) {
	if _, err := exec.LookPath("buildah"); err != nil {
		t.Skip("buildah is not installed (Debian: apt-get install -y buildah); skipping the image build test")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not in PATH; build-image.sh needs it")
	}

	storage := t.TempDir()
	b := buildah{t: t, root: filepath.Join(storage, "root"), runroot: filepath.Join(storage, "run")}

	script := exec.Command("./build-image.sh", testImage)
	script.Env = append(os.Environ(),
		"VERSION="+testVersion,
		"REVISION="+testRevision,
		"BRANCH="+testBranch,
		"BUILDAH_ROOT="+b.root,
		"BUILDAH_RUNROOT="+b.runroot,
	)
	if out, err := script.CombinedOutput(); err != nil {
		t.Fatalf("build-image.sh failed: %v\n%s", err, out)
	}
	t.Cleanup(func() { b.runQuietly("rmi", "--force", testImage) })

	var inspected imageConfig
	if err := json.Unmarshal([]byte(b.run("inspect", "--type", "image", testImage)), &inspected); err != nil {
		t.Fatalf("parsing buildah inspect output: %v", err)
	}
	config := inspected.OCIv1.Config

	t.Run("config", func(t *testing.T) {
		user, _, _ := strings.Cut(config.User, ":")
		if user == "" || user == "0" || user == "root" {
			t.Errorf("image runs as user %q; want a non-root numeric user", config.User)
		}
		if config.User != "65534:65534" {
			t.Errorf("image user is %q; want 65534:65534", config.User)
		}
		if _, ok := config.ExposedPorts["10310/tcp"]; !ok {
			t.Errorf("exposed ports are %v; want 10310/tcp", config.ExposedPorts)
		}
		if len(config.Entrypoint) != 1 || config.Entrypoint[0] != binaryPath {
			t.Errorf("entrypoint is %v; want [%s]", config.Entrypoint, binaryPath)
		}
	})

	t.Run("labels", func(t *testing.T) {
		want := map[string]string{
			"org.opencontainers.image.title":    "matomo_security_exporter",
			"org.opencontainers.image.version":  testVersion,
			"org.opencontainers.image.revision": testRevision,
		}
		for key, value := range want {
			if got := config.Labels[key]; got != value {
				t.Errorf("label %s is %q; want %q", key, got, value)
			}
		}
		for _, key := range []string{"org.opencontainers.image.description", "org.opencontainers.image.source", "org.opencontainers.image.created"} {
			if config.Labels[key] == "" {
				t.Errorf("label %s is missing", key)
			}
		}
	})

	container := b.run("from", testImage)
	t.Cleanup(func() { b.runQuietly("rm", container) })
	mountPoint := b.run("mount", container)
	t.Cleanup(func() { b.runQuietly("umount", container) })

	t.Run("files", func(t *testing.T) {
		info, err := os.Stat(filepath.Join(mountPoint, "etc/ssl/certs/ca-certificates.crt"))
		if err != nil {
			t.Fatalf("CA bundle missing from the image: %v", err)
		}
		if info.Size() == 0 {
			t.Error("CA bundle in the image is empty")
		}

		binary, err := elf.Open(filepath.Join(mountPoint, binaryPath))
		if err != nil {
			t.Fatalf("opening the exporter binary in the image: %v", err)
		}
		defer binary.Close()
		for _, prog := range binary.Progs {
			if prog.Type == elf.PT_INTERP {
				t.Error("the exporter binary is dynamically linked; a FROM scratch image needs CGO_ENABLED=0")
			}
		}
	})

	t.Run("version", func(t *testing.T) {
		out, err := exec.Command(filepath.Join(mountPoint, binaryPath), "--version").CombinedOutput()
		if err != nil {
			t.Fatalf("%s --version failed: %v\n%s", binaryPath, err, out)
		}
		for _, want := range []string{
			"version " + testVersion,
			"revision: " + testRevision,
			"branch: " + testBranch,
		} {
			if !strings.Contains(string(out), want) {
				t.Errorf("--version output does not contain %q:\n%s", want, out)
			}
		}
	})
}
