#!/usr/bin/env bash
# Bare-metal guest tests: boots each BUILD_DIR/guest/tests/*.elf (built by `make guest`
# from src/guest/tests) under qemu-system-s390x with the SCLP console on stdout, and
# passes a test when its console ends with "SUMMARY: N passed, 0 failed" (N > 0) and
# QEMU exited 0. Every test boots with --append "zhyp baremetal" (tests/boot.c checks it).
# How a run ends on QEMU 7.2: the SDK stops its CPU with SIGP stop, and QEMU shuts down
# (exit 0) once no CPU is running. A disabled-wait PSW (the SDK's fallback) is a "guest
# panic" for QEMU: with -action panic=exit-failure it exits 1, and -d guest_errors
# prints "PSW: <mask> <address>" on stderr (address 0x600d0000 pass, 0xbad0xxxx fail);
# the pass address counts as a clean end.
# A hung guest is killed by the timeout.
# Tests named in tests/baremetal-zhyp.list also boot under `zhyp run --kernel`, and
# zhyp's console must be identical to QEMU's (carriage returns aside) with exit 0. The
# list grows as the machine issue adds what the other tests need.
# A test source may carry options for both runs on lines of its own:
#   @baremetal smp N      boot with N CPUs (-smp N / --smp N; default 1)
#   @baremetal stdin FILE console input from src/guest/tests/FILE (default /dev/null)
#   @baremetal console lm QEMU also gets a line-mode console (sclplmconsole) on the same
#                         stdio, so that line-mode messages reach the console there too
#   @baremetal qemu no    zhyp only: the test checks architected results QEMU 7.2 does
#                         not give (docs/testing.md); its own summary decides
#   @baremetal shadow both  also boot with --no-shadow: the console must be identical
#                         (the SIE tests: shadow translations change nothing visible)
# usage: tests/run-baremetal.sh BUILD_DIR [PATTERN]
set -u
B=${1:-build}
PAT=${2:-}
QEMU=${QEMU_SYSTEM_S390X:-qemu-system-s390x}
TIMEOUT=${TIMEOUT:-60}
if ! command -v "$QEMU" >/dev/null 2>&1; then
    echo "baremetal: SKIP: $QEMU not installed (apt-get install qemu-system-misc)"
    exit 0
fi
QEMU_ARGS=(-nodefaults -nographic -machine s390-ccw-virtio -m 128M
           -no-reboot -action panic=exit-failure -d guest_errors)
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
SRC=src/guest/tests

# test_opt NAME KEY DEFAULT: the value of "@baremetal KEY VALUE" in the test's source.
test_opt() {
    local v
    v=$(sed -n "s/.*@baremetal $2 \([^ ]*\).*/\1/p" "$SRC/$1.c" 2>/dev/null | head -1)
    echo "${v:-$3}"
}

# test_stdin NAME: the file the test's console input comes from.
test_stdin() {
    local f
    f=$(test_opt "$1" stdin "")
    if [ -n "$f" ]; then echo "$SRC/$f"; else echo /dev/null; fi
}

# run_qemu NAME ELF OUT: console to OUT, QEMU's messages to OUT.err; returns QEMU's status.
run_qemu() {
    local console=(-chardev stdio,id=con0 -device sclpconsole,chardev=con0)
    if [ "$(test_opt "$1" console vt220)" = lm ]; then
        console=(-chardev stdio,id=con0,mux=on -device sclpconsole,chardev=con0
                 -device sclplmconsole,chardev=con0)
    fi
    { timeout "$TIMEOUT" "$QEMU" "${QEMU_ARGS[@]}" "${console[@]}" -smp "$(test_opt "$1" smp 1)" \
        -kernel "$2" -append "zhyp baremetal" <"$(test_stdin "$1")" >"$3" 2>"$3.err"; } 2>/dev/null
}

# check_output NAME OUT STATUS: prints the verdict line; returns 0 on a pass.
check_output() {
    local name=$1 out=$2 st=$3 summary
    tr -d '\r' <"$out" >"$out.txt"
    # The SDK's fallback end for a pass, a disabled wait at 0x600d0000, is a clean end.
    if [ "$st" -eq 1 ] && grep -qE '^PSW: 0x[0-9a-f]+ 0x0+600d0000$' "$out.err"; then
        st=0
    fi
    summary=$(grep -E '^SUMMARY: [0-9]+ passed, [0-9]+ failed$' "$out.txt" | tail -1)
    if [ "$st" -eq 124 ]; then
        echo "FAIL $name: timed out after ${TIMEOUT}s"
    elif [ -z "$summary" ]; then
        echo "FAIL $name: no SUMMARY line (exit $st)"
    elif ! [[ $summary =~ ^SUMMARY:\ ([0-9]+)\ passed,\ 0\ failed$ ]] || [ "${BASH_REMATCH[1]}" -eq 0 ]; then
        echo "FAIL $name: $summary"
    elif [ "$st" -ne 0 ]; then
        echo "FAIL $name: $summary, but the emulator exited $st"
    else
        echo "PASS $name: $summary"
        return 0
    fi
    grep -E '^(FAIL|SKIP)' "$out.txt" | head -10 | sed 's/^/    /'
    head -3 "$out.err" | sed 's/^/    stderr: /'
    return 1
}

# run_zhyp NAME ELF [OUT [ARGS...]]: console to OUT (default TMPD/NAME.zhyp); returns
# zhyp's status.
run_zhyp() {
    local out=${3:-$TMPD/$1.zhyp}
    { timeout "$TIMEOUT" "$B/zhyp" run --kernel "$2" --mem 128M --smp "$(test_opt "$1" smp 1)" \
        --append "zhyp baremetal" "${@:4}" <"$(test_stdin "$1")" >"$out" 2>"$out.err"; } 2>/dev/null
}

# same_console NAME WHAT EXPECTED ACTUAL STATUS: the verdict of a zhyp run whose console
# must equal EXPECTED; returns 0 on a pass.
same_console() {
    if [ "$5" -eq 0 ] && cmp -s "$3" "$4"; then
        echo "PASS $1 $2"
        return 0
    fi
    echo "FAIL $1 $2: exit $5"
    diff "$3" "$4" | head -5 | sed 's/^/    /'
    head -3 "$4.err" | sed 's/^/    zhyp: /'
    return 1
}

# compare_no_shadow NAME ELF: boots again with --no-shadow; the console must equal the
# run with shadows (TMPD/NAME.zhyp).
compare_no_shadow() {
    run_zhyp "$1" "$2" "$TMPD/$1.noshadow" --no-shadow
    same_console "$1" "--no-shadow: same console as with shadows" "$TMPD/$1.zhyp" "$TMPD/$1.noshadow" $?
}

# compare_zhyp NAME ELF: boots the image on zhyp; the console must equal QEMU's.
compare_zhyp() {
    run_zhyp "$1" "$2"
    same_console "$1" "on zhyp: same console as QEMU" "$TMPD/$1.qemu.txt" "$TMPD/$1.zhyp" $?
}

on_zhyp() {
    grep -qx "$1" tests/baremetal-zhyp.list 2>/dev/null
}

shopt -s nullglob
elfs=("$B"/guest/tests/*"$PAT"*.elf)
if [ ${#elfs[@]} -eq 0 ]; then
    echo "baremetal: no tests in $B/guest/tests matching '$PAT' (run make guest first)"
    exit 1
fi
pass=0 fail=0
for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    if [ "$(test_opt "$name" qemu yes)" = no ]; then
        if ! on_zhyp "$name"; then
            echo "FAIL $name: zhyp-only test missing from tests/baremetal-zhyp.list"
            fail=$((fail + 1))
            continue
        fi
        run_zhyp "$name" "$elf"
        if check_output "$name (zhyp only)" "$TMPD/$name.zhyp" $?; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
        fi
        if [ "$(test_opt "$name" shadow one)" = both ]; then
            if compare_no_shadow "$name" "$elf"; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
            fi
        fi
        continue
    fi
    run_qemu "$name" "$elf" "$TMPD/$name.qemu"
    if check_output "$name" "$TMPD/$name.qemu" $?; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
    if on_zhyp "$name"; then
        if compare_zhyp "$name" "$elf"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
        fi
    fi
done
echo "baremetal: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
