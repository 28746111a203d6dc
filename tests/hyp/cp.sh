#!/bin/bash
# CP commands (DIAG X'8') and statistics records (DIAG X'DC') end to end (docs/cpcmd.md).
# Guest cpa (src/guest/hyp/cp.c) runs its checks and sends MSGs; cpb (cppeer.c) waits
# for it to log off. Here: both summaries, the lines CP wrote to the consoles, and the
# counters in stats.json/csv, on 1 and on 2 host CPUs, and the second run repeated.
# Env: ZHYP (zhyp binary), B (build dir), T (fresh temp dir). Exit 0 = pass.
set -u
: "${ZHYP:?}" "${B:?}" "${T:?}"
. tests/hyp/lib.sh
case $B in /*) BD=$B ;; *) BD=$PWD/$B ;; esac

for img in cp cppeer; do
    if [ ! -f "$BD/guest/hyp/$img.elf" ]; then
        echo "FAIL $BD/guest/hyp/$img.elf missing (make guest)"
        exit 1
    fi
done

# cp_conf FILE CPUS
cp_conf() {
    cat >"$1" <<CONF
[host]
memory = 256M
cpus = $2

[guest cpa]
image = $BD/guest/hyp/cp.elf
memory = 64M
vcpus = 2
append = self=cpa peer=cpb

[guest cpb]
image = $BD/guest/hyp/cppeer.elf
memory = 32M
append = peer=cpa
CONF
}

summary_clean() {                           # summary_clean CONSOLE
    tail -n 1 "$1" | grep -Eq '^SUMMARY: [1-9][0-9]* passed, 0 failed$'
}

# counter JSON_LINE NAME VALUE: "guest.NAME": VALUE among the guest's counters
counter() {
    grep -Eq "\"guest\\.$2\": $3[,}]" <<<"$1"
}

records_at_least() {                        # records_at_least JSON_LINE N
    local n
    n=$(grep -Eo '"monitor_records": [0-9]+' <<<"$1" | grep -Eo '[0-9]+$')
    [ -n "$n" ] && [ "$n" -ge "$2" ]
}

check_run() {                               # check_run OUT LABEL
    local out=$1 l=$2
    check "$l: cpa's checks all pass" summary_clean "$out/cpa.console"
    check "$l: cppeer's checks all pass" summary_clean "$out/cpb.console"
    check "$l: MSG cpb arrives on cpb's console" \
        grep -qx 'MSG FROM CPA     : hello CPB, this is CPA' "$out/cpb.console"
    check "$l: MSG * arrives on cpa's own console" \
        grep -qx 'MSG FROM CPA     : hello from myself' "$out/cpa.console"
    check "$l: a response without the buffer flag goes to the console" \
        grep -qx 'CPA      AT ZHYP' "$out/cpa.console"
    check "$l: QUERY NAMES: z/VM's layout, in configuration order" \
        grep -qx 'CPA      - DSC , CPB      - DSC' "$out/cpa.console"
    check "$l: so does an error message" \
        grep -qx 'HCPCMD001E Unknown CP command: CONSOLETEST' "$out/cpa.console"
    local cpa
    cpa=$(grep '"name": "cpa"' "$out/stats.json")
    check "$l: event record counters in stats.json" counter "$cpa" 'cp\.event' 7
    check "$l: a 64-bit value whole" counter "$cpa" 'cp\.big' 1311768467463790320
    check "$l: interval buffer read again at STOP" counter "$cpa" 'cp\.interval' 42
    check "$l: interval buffer left running is sampled when stats are written" \
        counter "$cpa" 'cp\.live' 99
    check "$l: the 31-bit parameter list" counter "$cpa" 'cp\.fmt31' 31
    check "$l: another product's buffer is not read as counters" \
        bash -c "! grep -q cp.ignored '$out/stats.json'"
    check "$l: every record counted (monitor_records >= 6)" records_at_least "$cpa" 6
    check "$l: the counters in stats.csv too" grep -qx 'guest,cpa,guest.cp.event,7' "$out/stats.csv"
}

for cpus in 1 2; do
    cp_conf "$T/host$cpus.conf" "$cpus"
    "$ZHYP" run --config "$T/host$cpus.conf" --out "$T/out$cpus" >"$T/run$cpus.log" 2>&1
    rc=$?
    check "$cpus host CPU(s): zhyp run --config exits 0" test "$rc" -eq 0
    check_run "$T/out$cpus" "$cpus host CPU(s)"
done

# Five guests: QUERY NAMES puts four to a line.
cp_conf "$T/host5.conf" 2
for p in cpc cpd cpe; do
    printf '\n[guest %s]\nimage = %s\nmemory = 16M\nappend = peer=cpa\n' \
        "$p" "$BD/guest/hyp/cppeer.elf" >>"$T/host5.conf"
done
"$ZHYP" run --config "$T/host5.conf" --out "$T/out5" >"$T/run5.log" 2>&1
rc=$?
check "5 guests: zhyp run --config exits 0" test "$rc" -eq 0
for g in cpa cpb cpc cpd cpe; do
    check "5 guests: $g's checks all pass" summary_clean "$T/out5/$g.console"
done
check "5 guests: QUERY NAMES, four to a line" grep -qx \
    'CPA      - DSC , CPB      - DSC , CPC      - DSC , CPD      - DSC' "$T/out5/cpa.console"
check "5 guests: QUERY NAMES, the fifth on the next line" grep -qx 'CPE      - DSC' "$T/out5/cpa.console"

"$ZHYP" run --config "$T/host2.conf" --out "$T/again" >/dev/null 2>&1
for f in cpa.console cpb.console stats.json; do
    check "a second run on 2 host CPUs: the same $f" cmp -s "$T/out2/$f" "$T/again/$f"
done
finish
