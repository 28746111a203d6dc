# bench: AHI + BRCT, 500M iterations (1e9 instructions): the register loop.
    .globl _start
_start:
    llilf %r1,500000000
    lhi   %r2,0
0:  ahi   %r2,1
    brct  %r1,0b
    lghi  %r2,0
    svc   1
