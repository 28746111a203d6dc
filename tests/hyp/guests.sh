# 35 guests (the SDK's test kernels; two of them with 2 vCPUs signalling each other)
# run at once on 4 host CPUs. Every guest's console must be exactly what the same
# kernel prints on the bare machine (`zhyp run --kernel`, itself checked against QEMU by
# tests/run-baremetal.sh), and every guest must end stopped.
. tests/hyp/lib.sh
write_conf "$T/host.conf" 4
n=$(guest_tests | wc -l)
check "at least 32 guests ($n)" test "$n" -ge 32
"$ZHYP" run --config "$T/host.conf" --out "$T/out" --time-limit 60
check "the run ends with every guest done (exit 0)" test $? -eq 0
for g in $(guest_tests); do
    timeout 60 "$ZHYP" run --kernel "$B/guest/tests/$g.elf" --smp "$(smp_of "$g")" --mem 128M \
        --append "zhyp baremetal" < /dev/null > "$T/$g.bare" 2>/dev/null
    check "$g: console as on the bare machine" cmp -s "$T/$g.bare" "$T/out/$g.console"
    check "$g: no failed check" grep -q "SUMMARY: [1-9][0-9]* passed, 0 failed" "$T/out/$g.console"
done
check "every guest ended stopped" test "$(grep -o '"end": "[a-z-]*"' "$T/out/stats.json" | sort -u)" = '"end": "stopped"'
finish
