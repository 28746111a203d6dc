#!/usr/bin/env bash
# Program-level differential tests: every build/corpus/*.elf (static glibc programs built
# at several -O levels and -march values) must print the same stdout and exit with the
# same status under qemu-s390x and under `zhyp user` (one argument, stdin /dev/null).
# usage: tests/run-corpus.sh BUILD_DIR [PATTERN]
set -u
B=${1:-build}
PAT=${2:-}
QEMU=${QEMU_S390X:-qemu-s390x}
if ! command -v "$QEMU" >/dev/null 2>&1; then
    echo "run-corpus: SKIP: $QEMU not installed (apt-get install qemu-user)"
    exit 0
fi
ulimit -c 0
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
QEMU_ARGS="" RUN_ARGS="corpus-arg" COVERAGE_DIR="" EXPECT_DIR="" TIMEOUT=300
. tests/difflib.sh
shopt -s nullglob
compare_all corpus "$B"/corpus/*"$PAT"*.elf
echo "corpus: $LAST_PASS passed, $LAST_FAIL failed"
[ "$LAST_FAIL" -eq 0 ]
