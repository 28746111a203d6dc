#!/usr/bin/env bash
# Hypervisor tests: runs every tests/hyp/*.sh (or those matching PATTERN) with
#   ZHYP  the zhyp binary     B  the build directory     T  a fresh temporary directory
# in the repository root. A script prints one line per check and exits 0 when all pass.
# usage: tests/run-hyp.sh BUILD_DIR [PATTERN]
set -u
B=${1:-build}
PAT=${2:-}
export B ZHYP="$B/zhyp"
pass=0 fail=0
for t in tests/hyp/*.sh; do
    [ "$(basename "$t")" = lib.sh ] && continue
    name=$(basename "$t" .sh)
    [ -n "$PAT" ] && [[ "$name" != *$PAT* ]] && continue
    T=$(mktemp -d)
    if T="$T" timeout "${TIMEOUT:-600}" bash "$t" > "$T.log" 2>&1; then
        pass=$((pass + 1))
        echo "PASS hyp/$name"
    else
        fail=$((fail + 1))
        echo "FAIL hyp/$name"
        sed 's/^/    /' "$T.log" | tail -40
    fi
    rm -rf "$T" "$T.log"
done
echo "hyp: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
