# Shared by the tests/hyp scripts (sourced; not a test itself: run-hyp.sh runs *.sh
# but skips this file by name).
ok=0 bad=0
check() {   # check NAME COMMAND...: one PASS/FAIL line
    local name=$1; shift
    if "$@"; then echo "PASS $name"; ok=$((ok + 1)); else echo "FAIL $name"; bad=$((bad + 1)); fi
}
finish() { echo "$ok passed, $bad failed"; [ "$bad" -eq 0 ]; }

# The SDK's bare-metal test kernels that run as guests unchanged: all but the SIE tests
# (no SIE inside a guest), edat_arch (PFMF is not offered to guests yet) and sclp_input
# (guests have no console input).
guest_tests() {
    ls src/guest/tests/*.c | xargs -n1 basename | sed 's/\.c$//' | grep -v '^sie_\|^edat_arch$\|^sclp_input$'
}
smp_of() { local n; n=$(sed -n 's/.*@baremetal smp \([0-9]*\).*/\1/p' "src/guest/tests/$1.c" | head -1); echo "${n:-1}"; }

# write_conf FILE CPUS: a host of CPUS CPUs with every guest_tests kernel as a guest.
write_conf() {
    { echo "[host]"; echo "memory = 6G"; echo "cpus = $2"
      for n in $(guest_tests); do
          echo "[guest $n]"; echo "image = $PWD/$B/guest/tests/$n.elf"; echo "memory = 128M"
          echo "vcpus = $(smp_of "$n")"; echo "append = zhyp baremetal"
      done; } > "$1"
}
