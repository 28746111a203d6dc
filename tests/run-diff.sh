#!/usr/bin/env bash
# Differential instruction tests: each build/diff/*.elf runs under qemu-s390x (the oracle)
# and under `zhyp user`; stdout and exit status must be identical. Where QEMU does not
# implement an instruction, tests/diff/NAME.expected holds the architected output (the
# test states its expected values itself) and replaces the oracle; docs/testing.md lists them. Without a pattern the
# run also checks coverage: every non-privileged table row must have run in some test.
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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
shopt -s nullglob
for elf in "$B"/diff/*"$PAT"*.elf; do
    name=$(basename "$elf" .elf)
    if [ -f "tests/diff/$name.expected" ]; then
        cp "tests/diff/$name.expected" "$tmp/$name.qemu"
        qs=0
    else
        { timeout 120 "$QEMU" -cpu max "$elf" >"$tmp/$name.qemu" 2>/dev/null; } 2>/dev/null
        qs=$?
    fi
    { timeout 120 "$B/zhyp" user --coverage-out "$tmp/coverage" "$elf" >"$tmp/$name.zhyp" 2>"$tmp/$name.err"; } 2>>"$tmp/bash.err"
    zs=$?
    if [ $qs -eq $zs ] && cmp -s "$tmp/$name.qemu" "$tmp/$name.zhyp"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit qemu=$qs zhyp=$zs"
        diff "$tmp/$name.qemu" "$tmp/$name.zhyp" | head -5
        head -3 "$tmp/$name.err"
    fi
done
if [ -z "$PAT" ]; then
    "$B/zhyp" insns --unprivileged | awk '{print $1}' | sort -u >"$tmp/rows"
    sort -u "$tmp/coverage" 2>/dev/null >"$tmp/ran"
    missing=$(comm -23 "$tmp/rows" "$tmp/ran")
    if [ -n "$missing" ]; then
        fail=$((fail + 1))
        echo "FAIL coverage: table rows no differential test ran: $(echo $missing | tr '\n' ' ')"
    else
        pass=$((pass + 1))
        echo "coverage: all $(wc -l <"$tmp/rows") non-privileged rows ran"
    fi
fi
echo "diff: $pass passed, $fail failed"
[ $fail -eq 0 ]
