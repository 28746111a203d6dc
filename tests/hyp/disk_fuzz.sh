#!/usr/bin/env bash
# DIAG X'250' with 4000 pseudo-random parameter lists (src/guest/hyp/disk_fuzz.c): the
# host neither crashes nor hangs, the guest passes, the files keep their sizes, and a
# second run prints the same outcome counts.
set -u
. "$(dirname "$0")/disk.lib"
DISK_ELF=$B/guest/hyp/disk_fuzz.elf
need_image disk_fuzz

for run in 1 2; do
    fill "$T/f0.img" 1048576 0
    fill "$T/f1.img" 300000 0x55
    write_conf "$T/host.conf" 1 fuzz "$T/f0.img" 1048576 "$T/f1.img" 300000
    timeout 600 "$ZHYP" run --config "$T/host.conf" --out "$T/out$run" >"$T/stdout$run" 2>"$T/stderr$run"
    rc=$?
    check "disk_fuzz run $run: zhyp run --config exits 0" [ $rc -eq 0 ]
    check "disk_fuzz run $run: console ends with SUMMARY: N passed, 0 failed" console_passed "$T/out$run/fuzz.console"
    check "disk_fuzz run $run: the files kept their sizes" \
        [ "$(stat -c %s "$T/f0.img")" -eq 1048576 -a "$(stat -c %s "$T/f1.img")" -eq 300000 ]
done
check "disk_fuzz: both runs print the same console log" cmp -s "$T/out1/fuzz.console" "$T/out2/fuzz.console"
finish "$T/out1"
