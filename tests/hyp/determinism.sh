# The same configuration run twice gives bit-identical statistics and consoles: the
# 35-guest host on 2 host CPUs (more guests than CPUs, so the scheduler interleaves
# them), and once more with shadow translations off, which must change no guest-visible
# figure either.
. tests/hyp/lib.sh
write_conf "$T/host.conf" 2
"$ZHYP" run --config "$T/host.conf" --out "$T/a" --time-limit 60 || exit 1
"$ZHYP" run --config "$T/host.conf" --out "$T/b" --time-limit 60 || exit 1
"$ZHYP" run --config "$T/host.conf" --out "$T/c" --time-limit 60 --no-shadow || exit 1
check "stats.csv identical across runs" cmp "$T/a/stats.csv" "$T/b/stats.csv"
check "stats.json identical across runs" cmp "$T/a/stats.json" "$T/b/stats.json"
check "consoles identical across runs" diff -r "$T/a" "$T/b"
check "statistics say something (virtual time > 0)" grep -q '^host,host,time_ns,[1-9]' "$T/a/stats.csv"
check "--no-shadow: identical statistics" cmp "$T/a/stats.csv" "$T/c/stats.csv"
finish
