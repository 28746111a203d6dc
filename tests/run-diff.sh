#!/usr/bin/env bash
# Differential instruction tests: each build/diff/*.elf runs under qemu-s390x (the oracle)
# and under `zhyp user`; stdout and exit status must be identical. Where QEMU does not
# implement an instruction, tests/diff/NAME.expected holds the architected output (the
# test states its expected values itself) and replaces the oracle; docs/testing.md lists them.
# Without a pattern the run also checks coverage: every non-privileged table row must
# have run in some test.
# usage: tests/run-diff.sh BUILD_DIR [PATTERN]
set -u
B=${1:-build}
PAT=${2:-}
QEMU=${QEMU_S390X:-qemu-s390x}
if ! command -v "$QEMU" >/dev/null 2>&1; then
    echo "run-diff: SKIP: $QEMU not installed (apt-get install qemu-user)"
    exit 0
fi
ulimit -c 0
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
QEMU_ARGS="-cpu max" RUN_ARGS="" EXPECT_DIR=tests/diff TIMEOUT=120
COVERAGE_DIR=$TMPD/cov
mkdir -p "$COVERAGE_DIR"
. tests/difflib.sh
shopt -s nullglob
compare_all diff "$B"/diff/*"$PAT"*.elf
pass=$LAST_PASS fail=$LAST_FAIL
if [ -z "$PAT" ]; then
    "$B/zhyp" insns --unprivileged | awk '{print $1}' | sort -u >"$TMPD/rows"
    cat "$COVERAGE_DIR"/* 2>/dev/null | sort -u >"$TMPD/ran"
    missing=$(comm -23 "$TMPD/rows" "$TMPD/ran")
    if [ -n "$missing" ]; then
        fail=$((fail + 1))
        echo "FAIL coverage: table rows no differential test ran: $(echo $missing | tr '\n' ' ')"
    else
        pass=$((pass + 1))
        echo "coverage: all $(wc -l <"$TMPD/rows") non-privileged rows ran"
    fi
fi
echo "diff: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
