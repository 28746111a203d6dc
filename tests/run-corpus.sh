#!/usr/bin/env bash
# Program-level differential tests: every build/corpus/*.elf (static glibc programs built
# at several -O levels and -march values) must print the same stdout and exit with the
# same status under qemu-s390x and under `zhyp user`.
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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
shopt -s nullglob
for elf in "$B"/corpus/*"$PAT"*.elf; do
    name=$(basename "$elf" .elf)
    { timeout 300 "$QEMU" "$elf" corpus-arg </dev/null >"$tmp/q" 2>/dev/null; } 2>/dev/null
    qs=$?
    { timeout 300 "$B/zhyp" user "$elf" corpus-arg </dev/null >"$tmp/z" 2>"$tmp/e"; } 2>>"$tmp/bash.err"
    zs=$?
    if [ $qs -eq $zs ] && cmp -s "$tmp/q" "$tmp/z"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit qemu=$qs zhyp=$zs"
        diff "$tmp/q" "$tmp/z" | head -5
        head -3 "$tmp/e"
    fi
done
echo "corpus: $pass passed, $fail failed"
[ $fail -eq 0 ]
