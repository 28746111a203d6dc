# Shared by run-diff.sh and run-corpus.sh: run one ELF under the oracle and under
# `zhyp user`, compare stdout and exit status, and write PASS/FAIL lines to a file.
# Sourced; needs B, QEMU, TMPD, QEMU_ARGS, RUN_ARGS, TIMEOUT; EXPECT_DIR and
# COVERAGE_DIR (one coverage file per test) are optional.

compare_one() {
    local elf=$1 name out
    name=$(basename "$elf" .elf)
    out="$TMPD/$name"
    local qs zs
    if [ -n "${EXPECT_DIR:-}" ] && [ -f "$EXPECT_DIR/$name.expected" ]; then
        cp "$EXPECT_DIR/$name.expected" "$out.qemu"
        qs=0
    else
        { timeout "$TIMEOUT" "$QEMU" $QEMU_ARGS "$elf" $RUN_ARGS </dev/null >"$out.qemu" 2>/dev/null; } 2>/dev/null
        qs=$?
    fi
    local cov=""
    [ -n "${COVERAGE_DIR:-}" ] && cov="--coverage-out $COVERAGE_DIR/$name"
    { timeout "$TIMEOUT" "$B/zhyp" user $cov "$elf" $RUN_ARGS </dev/null >"$out.zhyp" 2>"$out.err"; } 2>/dev/null
    zs=$?
    if [ "$qs" -eq "$zs" ] && cmp -s "$out.qemu" "$out.zhyp"; then
        echo "PASS $name" >"$out.result"
    else
        {
            echo "FAIL $name: exit qemu=$qs zhyp=$zs"
            diff "$out.qemu" "$out.zhyp" | head -5
            head -3 "$out.err"
        } >"$out.result"
    fi
}

# Run compare_one over all arguments, two at a time (the CI machine has 2 cores),
# then print failures and the closing count. Returns nonzero on any failure.
compare_all() {
    local label=$1
    shift
    export -f compare_one
    export B QEMU QEMU_ARGS RUN_ARGS COVERAGE_DIR EXPECT_DIR TIMEOUT TMPD
    printf '%s\n' "$@" | xargs -r -P 2 -I{} bash -c 'compare_one "$1"' _ {}
    local pass fail
    pass=$(cat "$TMPD"/*.result 2>/dev/null | grep -c '^PASS')
    fail=$(cat "$TMPD"/*.result 2>/dev/null | grep -c '^FAIL')
    cat "$TMPD"/*.result 2>/dev/null | grep -v '^PASS' || true
    LAST_PASS=$pass
    LAST_FAIL=$fail
}
