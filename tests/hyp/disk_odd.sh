#!/usr/bin/env bash
# DIAG X'250' on files whose size is not a multiple of the block size: end_block counts
# whole blocks only, and the guest's writes leave the partial tail of the file as it was.
set -u
. "$(dirname "$0")/disk.lib"
need_image disk_odd

size0=1000000 size1=100000      # 1953 blocks of 512 and 64 bytes; 24 blocks of 4K and 1696 bytes
pattern pat0 $size0 >"$T/d0.img"
fill "$T/d1.img" $size1 0xee
write_conf "$T/host.conf" 1 odd "$T/d0.img" $size0 "$T/d1.img" $size1
"$ZHYP" run --config "$T/host.conf" --out "$T/out" >"$T/stdout" 2>"$T/stderr"
rc=$?

check "disk_odd: zhyp run --config exits 0" [ $rc -eq 0 ]
check "disk_odd: console ends with SUMMARY: N passed, 0 failed" console_passed "$T/out/odd.console"
check "disk_odd: disk 0100 is unchanged" same_as "$T/d0.img" pat0 $size0
check "disk_odd: disk 0101 holds the pattern in whole 4K blocks, its tail untouched" \
    same_as "$T/d1.img" pat1 $size1 0xee
check "disk_odd: disk 0101 kept its size" [ "$(stat -c %s "$T/d1.img")" -eq $size1 ]
finish
