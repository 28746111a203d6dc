# zhyp: one plain GNU Makefile; objects in build/.
#   make            the zhyp binary (build/zhyp)
#   make check      unit tests, differential tests against qemu-s390x, the C corpus,
#                   bare-metal tests on qemu-system-s390x (and on zhyp run where listed)
#   make guest      the bare-metal SDK's images (build/guest)
#   make bench      the benchmarks under bench/
#   make clean
CC      ?= gcc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -D_GNU_SOURCE -Iinclude -MMD -MP
LDLIBS  := -lm -lpthread -linih
B       := build

CROSS   ?= s390x-linux-gnu-
XCC     := $(CROSS)gcc
HAVE_XCC := $(shell command -v $(XCC) >/dev/null 2>&1 && echo yes)

CORE_SRC := $(wildcard src/cpu/*.c src/dat/*.c src/user/*.c src/loader/*.c src/machine/*.c src/sie/*.c src/hyp/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(B)/%.o)

all: $(B)/zhyp

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# xop_run's blocks each end in their own indirect jump (one predictor entry per row);
# cross-jumping would merge them into one shared jump (see docs/architecture.md "Speed").
$(B)/src/cpu/xop_fast.o: CFLAGS += -fno-crossjumping

$(B)/libzhyp.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/zhyp: $(CLI_OBJ) $(B)/libzhyp.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(B)/test_unit: $(UNIT_OBJ) $(B)/libzhyp.a
	$(CC) $(CFLAGS) -o $@ $^ $(shell pkg-config --libs check) $(LDLIBS)

# ---- cross-built test programs -------------------------------------------------
# Differential instruction tests: freestanding, no libc (tests/diff/rt).
DIFF_SRC  := $(wildcard tests/diff/*.c)
DIFF_ELF  := $(DIFF_SRC:tests/diff/%.c=$(B)/diff/%.elf)
DIFF_CFLAGS := -march=zEC12 -O1 -static -nostdlib -ffreestanding -fno-builtin \
               -fno-stack-protector -Itests/diff/rt -Wall
$(B)/diff/%.elf: tests/diff/%.c tests/diff/rt/rt.c tests/diff/rt/rt.h tests/diff/rt/xorshift.h $(wildcard tests/diff/*.h)
	@mkdir -p $(dir $@)
	$(XCC) $(DIFF_CFLAGS) -o $@ $< tests/diff/rt/rt.c -lgcc

# Program corpus: static glibc programs at several -O levels and -march values.
CORPUS_SRC := $(wildcard tests/corpus/*.c)
CORPUS_VARIANTS := O0-z10 O2-z10 O3-z196 Os-zEC12 O2-zEC12
CORPUS_NAMES := $(CORPUS_SRC:tests/corpus/%.c=%)
CORPUS_ELF := $(foreach v,$(CORPUS_VARIANTS),$(CORPUS_NAMES:%=$(B)/corpus/%.$(v).elf))
corpus_opt = -$(word 1,$(subst -, ,$(1))) -march=$(word 2,$(subst -, ,$(1)))
define corpus_rule
$(B)/corpus/$(1).$(2).elf: tests/corpus/$(1).c
	@mkdir -p $$(dir $$@)
	$$(XCC) $(call corpus_opt,$(2)) -static -o $$@ $$< -lm
endef
$(foreach s,$(CORPUS_NAMES),$(foreach v,$(CORPUS_VARIANTS),$(eval $(call corpus_rule,$(s),$(v)))))

# Benchmark programs (bench/src): assembly loops and a freestanding C workload.
$(B)/bench/%.elf: bench/src/%.S
	@mkdir -p $(dir $@)
	$(XCC) -march=zEC12 -static -nostdlib -o $@ $<
$(B)/bench/cbench.elf: bench/src/cbench.c tests/diff/rt/rt.c tests/diff/rt/rt.h tests/diff/rt/xorshift.h
	@mkdir -p $(dir $@)
	$(XCC) $(DIFF_CFLAGS) -O2 -march=z196 -o $@ $< tests/diff/rt/rt.c -lgcc

# Bare-metal bench images (bench/mips-sys): each loop DAT off and DAT on, as an ELF for
# zhyp run and qemu-system-s390x and as a raw binary loaded at 0x10000 for Hercules.
SYS_BENCH_LOOPS := ahi las mvc
SYS_BENCH_ELF   := $(foreach l,$(SYS_BENCH_LOOPS),$(B)/bench/sys/$(l).elf $(B)/bench/sys/$(l)-dat.elf)
SYS_BENCH_BIN   := $(SYS_BENCH_ELF:.elf=.bin)
SYS_BENCH_FLAGS := -march=z10 -nostdlib -static -no-pie -Isrc/guest -Wl,-T,bench/src/sys.lds \
                   -Wl,--build-id=none -Wl,--no-warn-rwx-segments
SYS_BENCH_DEPS  := bench/src/sys.h bench/src/sys.lds src/guest/arch.h src/guest/lowcore.h
$(B)/bench/sys/%-dat.elf: bench/src/sys_%.S $(SYS_BENCH_DEPS)
	@mkdir -p $(dir $@)
	$(XCC) $(SYS_BENCH_FLAGS) -DBENCH_DAT=1 -o $@ $<
$(B)/bench/sys/%.elf: bench/src/sys_%.S $(SYS_BENCH_DEPS)
	@mkdir -p $(dir $@)
	$(XCC) $(SYS_BENCH_FLAGS) -DBENCH_DAT=0 -o $@ $<
$(B)/bench/sys/%.bin: $(B)/bench/sys/%.elf
	$(CROSS)objcopy -O binary $< $@
bench-sys-images: $(SYS_BENCH_ELF) $(SYS_BENCH_BIN)

# bench/sie: cbench.c's workload on bare metal (bench/src/bare/rt.h stands in for
# tests/diff/rt/rt.h; DAT through the guest SDK's dat.c), the DIAG guest and the SIE
# host images (sys.h frame), and the host-side driver linked with libzhyp.
BARE_CFLAGS := -march=z196 -O2 -g -static -nostdlib -ffreestanding -fno-builtin \
               -fno-stack-protector -fno-pie -no-pie -fno-asynchronous-unwind-tables -Wall \
               -Ibench/src/bare -Ibench/src -Isrc/guest -Wl,-T,bench/src/bare.lds \
               -Wl,--build-id=none -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments
BARE_SRC    := bench/src/bare_start.S bench/src/bare_rt.c bench/src/cbench.c src/guest/dat.c
$(B)/bench/cbench-bare.elf: $(BARE_SRC) bench/src/bare.lds bench/src/bare/rt.h bench/src/siebench.h tests/diff/rt/xorshift.h \
                            src/guest/dat.h src/guest/arch.h src/guest/lowcore.h
	@mkdir -p $(dir $@)
	$(XCC) $(BARE_CFLAGS) -o $@ $(BARE_SRC) -lgcc
$(B)/bench/siebench: $(B)/bench/src/siebench.o $(B)/libzhyp.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
bench-sie-images: $(B)/bench/cbench-bare.elf $(B)/bench/sys/diag-dat.elf $(B)/bench/sys/sie.elf

# The bare-metal guest SDK and its test images (src/guest/guest.mk: make guest).
include src/guest/guest.mk

ifeq ($(HAVE_XCC),yes)
CROSS_TESTS := $(DIFF_ELF) $(CORPUS_ELF) $(GUEST_ELF)
endif

check: $(B)/zhyp $(B)/test_unit $(CROSS_TESTS)
	$(B)/test_unit
	tests/run-diff.sh $(B)
	tests/run-corpus.sh $(B)
	tests/run-baremetal.sh $(B)
	tests/run-hyp.sh $(B)

bench: $(B)/zhyp
	bench/mips
	bench/mips-sys
	bench/sie
	bench/guests

deps:
	bash .ci/deps

# The README's first command: install what is missing, build, run a static glibc
# program under zhyp user and under qemu-s390x, then boot the guest SDK's demo kernel
# on the zhyp machine.
$(B)/demo/hello.elf: tests/demo/hello.c
	@mkdir -p $(dir $@)
	$(XCC) -O2 -march=z196 -static -o $@ $< -lm
demo: deps
	$(MAKE) $(B)/zhyp $(B)/demo/hello.elf $(GUEST_OUT)/demo.elf
	@echo "== zhyp user $(B)/demo/hello.elf"
	@$(B)/zhyp user --stats $(B)/demo/hello.elf
	@echo "== qemu-s390x $(B)/demo/hello.elf (the oracle)"
	@qemu-s390x $(B)/demo/hello.elf
	@echo "== zhyp run --kernel $(GUEST_OUT)/demo.elf (bare metal: SCLP console, STFLE, SIGP stop)"
	@$(B)/zhyp run --kernel $(GUEST_OUT)/demo.elf --append "hello from make demo"

clean:
	rm -rf $(B)

format:
	clang-format -i $(wildcard src/*/*.c src/*/*.h include/zhyp/*.h tests/unit/*.c)

.PHONY: all check bench bench-sys-images bench-sie-images clean format deps demo
-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(B)/bench/src/siebench.d
