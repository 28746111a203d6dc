#!/usr/bin/env bash
# DIAG X'250' end to end: one guest with two file-backed disks runs src/guest/hyp/disk.c
# (INIT, sync and async read/write, error codes); the read-only pattern disk must be
# unchanged afterwards, and the written disk must hold the guest's pattern.
set -u
. "$(dirname "$0")/disk.lib"
need_image disk

size0=1048576 size1=262144
pattern pat0 $size0 >"$T/d0.img"
fill "$T/d1.img" $size1 0
write_conf "$T/host.conf" 1 disk "$T/d0.img" $size0 "$T/d1.img" $size1
"$ZHYP" run --config "$T/host.conf" --out "$T/out" >"$T/stdout" 2>"$T/stderr"
rc=$?

check "disk: zhyp run --config exits 0" [ $rc -eq 0 ]
check "disk: console ends with SUMMARY: N passed, 0 failed" console_passed "$T/out/disk.console"
check "disk: disk 0100 (read only by the guest) is unchanged" same_as "$T/d0.img" pat0 $size0
check "disk: disk 0101 holds the guest's pattern" same_as "$T/d1.img" pat1 $size1
stat_is() { grep -qx "guest,disk,$1,$2" "$T/out/stats.csv"; }
check "disk: stats.csv counts 64 blocks written to disk 0101" stat_is disk1_blocks_written 64
check "disk: stats.csv counts 64 blocks read from disk 0101" stat_is disk1_blocks_read 64
check "disk: stats.csv counts no blocks written to disk 0100" stat_is disk0_blocks_written 0
finish
