# Bad configurations: each ends before anything runs, with exit status 1 and the one
# line docs/config.md documents, naming file:line and the key.
. tests/hyp/lib.sh
img="$PWD/$B/guest/hyp/idle.elf"
bad_conf() {   # bad_conf NAME EXPECTED-MESSAGE CONFIG-TEXT
    printf '%b' "$3" > "$T/$1.conf"
    "$ZHYP" run --config "$T/$1.conf" --out "$T/out-$1" 2> "$T/$1.err"
    local rc=$?
    check "$1: exit status 1" test $rc -eq 1
    check "$1: message '$2'" grep -qF "$2" "$T/$1.err"
    check "$1: one line" test "$(wc -l < "$T/$1.err")" -eq 1
}
bad_conf unknown_key "$T/unknown_key.conf:3: unknown key 'memroy' in [host]" \
    "[host]\nmemory = 1G\nmemroy = 64M\n[guest g]\nimage = $img\n"
bad_conf missing_image "$T/missing_image.conf:3: image = $T/nothere.elf: No such file or directory" \
    "[host]\n[guest g]\nimage = $T/nothere.elf\n"
bad_conf too_much_memory "$T/too_much_memory.conf:4: memory = 4G: larger than a guest may have (2G)" \
    "[host]\n[guest g]\nimage = $img\nmemory = 4G\n"
bad_conf bad_name "$T/bad_name.conf:3: [guest a,b]: a name of 1 to 31 letters, digits, '_', '-' or '.'" \
    "[host]\n[guest a,b]\nimage = $img\n"
"$ZHYP" run --config "$T/none.conf" 2> "$T/none.err"
check "missing file: exit 1" test $? -eq 1
check "missing file: named" grep -qF "$T/none.conf" "$T/none.err"
finish
