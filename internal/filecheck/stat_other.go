//go:build !linux

package filecheck

import "io/fs"

// stampOf returns what identifies one version of a file. Outside Linux
// only size and mtime are used.
func stampOf(fi fs.FileInfo) stamp {
	return stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
}

// OwnerUID is not implemented outside Linux.
func OwnerUID(fs.FileInfo) (uint32, bool) { return 0, false }
