#!/usr/bin/env bash
# DIAG X'250' with two guests on two host CPUs, each with its own disks, run twice: both
# pass, each file holds its guest's pattern, and the console logs of the two runs are
# the same (virtual time and completions do not depend on the host).
set -u
. "$(dirname "$0")/disk.lib"
need_image disk_two

size0=524288 size1=131072
for g in a b; do
    pattern pat0 $size0 >"$T/$g.0.img"
done
for run in 1 2; do
    for g in a b; do fill "$T/$g.1.img" $size1 0; done
    write_conf "$T/host.conf" 2 ga "$T/a.0.img" $size0 "$T/a.1.img" $size1 \
        gb "$T/b.0.img" $size0 "$T/b.1.img" $size1
    "$ZHYP" run --config "$T/host.conf" --out "$T/out$run" >"$T/stdout$run" 2>"$T/stderr$run"
    rc=$?
    check "disk_two run $run: zhyp run --config exits 0" [ $rc -eq 0 ]
    for g in a b; do
        check "disk_two run $run: guest g$g passes" console_passed "$T/out$run/g$g.console"
        check "disk_two run $run: g$g's disk 0100 unchanged" same_as "$T/$g.0.img" pat0 $size0
        check "disk_two run $run: g$g's disk 0101 holds its pattern" same_as "$T/$g.1.img" pat1 $size1
    done
done
check "disk_two: both runs print the same console logs" \
    cmp -s <(cat "$T/out1/ga.console" "$T/out1/gb.console") <(cat "$T/out2/ga.console" "$T/out2/gb.console")
finish "$T/out1"
