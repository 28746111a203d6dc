# bench: L / A / ST + BRCT, 250M iterations (1e9 instructions): the load/store loop.
    .globl _start
_start:
    llilf %r1,250000000
    larl  %r3,data
0:  l     %r2,0(%r3)
    a     %r2,4(%r3)
    st    %r2,0(%r3)
    brct  %r1,0b
    lghi  %r2,0
    svc   1
    .data
    .balign 8
data:
    .long 0, 3
