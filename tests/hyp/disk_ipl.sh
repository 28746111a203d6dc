#!/usr/bin/env bash
# DIAG X'250' across a re-IPL (src/guest/hyp/disk_ipl.c): the IPL resets the disks and
# drops completions still in flight, and the data of the requests issued before it is
# in the file.
set -u
. "$(dirname "$0")/disk.lib"
DISK_ELF=$B/guest/hyp/disk_ipl.elf
need_image disk_ipl

fill "$T/i0.img" 65536 0
fill "$T/i1.img" 65536 0
write_conf "$T/host.conf" 1 ipl "$T/i0.img" 65536 "$T/i1.img" 65536
"$ZHYP" run --config "$T/host.conf" --out "$T/out" >"$T/stdout" 2>"$T/stderr"
rc=$?
log=$T/out/ipl.console

check "disk_ipl: zhyp run --config exits 0" [ $rc -eq 0 ]
check "disk_ipl: console ends with SUMMARY: N passed, 0 failed" console_passed "$log"
check "disk_ipl: the guest ran twice" grep -q '^second run: the marker is on the disk$' "$log"
blocks_ok() {
    python3 - "$T/i1.img" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
ok = d[:4096].startswith(b"zhyp disk_ipl: first run done\0")
for i in range(8):
    ok &= d[(1 + i) * 4096:(2 + i) * 4096] == bytes((0xa0 + i + j * 7) & 0xff for j in range(4096))
ok &= d[9 * 4096:] == bytes(len(d) - 9 * 4096)
sys.exit(0 if ok else 1)
PY
}
check "disk_ipl: the file holds the marker and the 8 blocks written before the re-IPL" blocks_ok
finish
