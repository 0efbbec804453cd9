//go:build linux

package filecheck

import (
	"io/fs"
	"syscall"
)

// stampOf returns what identifies one version of a file. The change time
// is part of it because no user can set it back: a file rewritten with
// its old size and mtime restored still gets a new ctime.
func stampOf(fi fs.FileInfo) stamp {
	s := stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		s.dev = uint64(st.Dev) //nolint:unconvert // Dev is uint32 on some architectures.
		s.ino = st.Ino
		s.ctime = st.Ctim.Nano()
	}
	return s
}

// OwnerUID returns the numeric owner of a file.
func OwnerUID(fi fs.FileInfo) (uint32, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return st.Uid, true
}
