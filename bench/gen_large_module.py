#!/usr/bin/env python3
"""Writes a large WebAssembly text module for the translation-speed benchmark.

gen_large_module.py OUT.wat [FUNCTIONS]

FUNCTIONS (default 5000) functions with compiler-like bodies: integer and float arithmetic on
locals, nested blocks, loops with br_if, if/else, br_table, loads and stores to memory, direct
calls to earlier functions and call_indirect through a table. Deterministic (fixed seed). Only MVP
features plus sign extension, so NEAR's engine configuration accepts it.
"""
import random
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
rnd = random.Random(20240601)

TYPES = [
    ("(param i32 i32) (result i32)", 2),
    ("(param i32) (result i32)", 1),
    ("(param i32 i32 i32) (result i32)", 3),
]


def i32_expr(depth, nparams, nlocals, fidx):
    """A random i32-valued expression (folded form)."""
    locs = nparams + nlocals
    r = rnd.random()
    if depth <= 0 or r < 0.25:
        if rnd.random() < 0.6:
            return f"(local.get {rnd.randrange(locs)})"
        return f"(i32.const {rnd.randrange(-1000, 100000)})"
    op = rnd.random()
    a = i32_expr(depth - 1, nparams, nlocals, fidx)
    if op < 0.45:
        bop = rnd.choice(["i32.add", "i32.sub", "i32.mul", "i32.and", "i32.or", "i32.xor", "i32.shl",
                          "i32.shr_u", "i32.shr_s", "i32.rotl", "i32.lt_s", "i32.eq", "i32.ne", "i32.gt_u"])
        return f"({bop} {a} {i32_expr(depth - 1, nparams, nlocals, fidx)})"
    if op < 0.55:
        return f"({rnd.choice(['i32.eqz', 'i32.clz', 'i32.popcnt', 'i32.extend8_s'])} {a})"
    if op < 0.70:
        off = rnd.randrange(0, 1024) * 4
        return f"(i32.load offset={off} (i32.and {a} (i32.const 0xfffc)))"
    if op < 0.78:
        return (f"(i32.wrap_i64 (i64.mul (i64.extend_i32_u {a}) "
                f"(i64.const {rnd.randrange(1, 1 << 40)})))")
    if op < 0.84:
        return f"(i32.trunc_f64_s (f64.div (f64.convert_i32_s {a}) (f64.const {rnd.uniform(1.5, 99.0):.4f})))"
    if op < 0.94 and fidx > 0:
        callee = rnd.randrange(max(0, fidx - 50), fidx)
        sig, n = TYPES[callee % len(TYPES)]
        args = " ".join(i32_expr(depth - 2, nparams, nlocals, fidx) for _ in range(n))
        return f"(call $f{callee} {args})"
    if fidx > 0:
        return (f"(call_indirect (type $t1) {a} "
                f"(i32.and {i32_expr(depth - 2, nparams, nlocals, fidx)} (i32.const 63)))")
    return a


def stmt(depth, nparams, nlocals, fidx):
    locs = nparams + nlocals
    r = rnd.random()
    e = lambda d=2: i32_expr(d, nparams, nlocals, fidx)
    if depth <= 0 or r < 0.35:
        return f"(local.set {rnd.randrange(locs)} {e(3)})"
    if r < 0.50:
        off = rnd.randrange(0, 1024) * 4
        return f"(i32.store offset={off} (i32.and {e()} (i32.const 0xfffc)) {e()})"
    if r < 0.65:
        body = " ".join(stmt(depth - 1, nparams, nlocals, fidx) for _ in range(rnd.randrange(1, 4)))
        return f"(if {e()} (then {body}) (else {stmt(depth - 1, nparams, nlocals, fidx)}))"
    if r < 0.80:
        i = rnd.randrange(locs)
        body = " ".join(stmt(depth - 1, nparams, nlocals, fidx) for _ in range(rnd.randrange(1, 4)))
        return (f"(block (loop {body} (local.set {i} (i32.sub (local.get {i}) (i32.const 1))) "
                f"(br_if 1 (i32.le_s (local.get {i}) (i32.const 0))) (br 0)))")
    if r < 0.90:
        body = " ".join(stmt(depth - 1, nparams, nlocals, fidx) for _ in range(rnd.randrange(1, 3)))
        return (f"(block (block (block {body} (br_table 0 1 2 {e()})) "
                f"{stmt(depth - 1, nparams, nlocals, fidx)}) {stmt(depth - 1, nparams, nlocals, fidx)})")
    return f"(drop {e(3)})"


lines = ["(module"]
for k, (sig, _) in enumerate(TYPES):
    lines.append(f"  (type $t{k} (func {sig}))")
lines.append("  (memory 2)")
lines.append("  (table 64 funcref)")
lines.append("  (global $g (mut i32) (i32.const 0))")
for f in range(count):
    tidx = f % len(TYPES)
    _, nparams = TYPES[tidx]
    nlocals = rnd.randrange(1, 6)
    body = "\n    ".join(stmt(3, nparams, nlocals, f) for _ in range(rnd.randrange(3, 9)))
    lines.append(f"  (func $f{f} (type $t{tidx}) (local {' '.join(['i32'] * nlocals)})\n    {body}\n"
                 f"    (global.set $g (i32.add (global.get $g) (local.get 0)))\n"
                 f"    {i32_expr(3, nparams, nlocals, f)})")
# Functions of type $t1 (index 1 mod 3) fill the table, for call_indirect.
lines.append("  (elem (i32.const 0) " + " ".join(f"$f{3 * i + 1}" for i in range(64)) + ")")
lines.append('  (export "f0" (func $f0))')
lines.append(")")
with open(out, "w") as fh:
    fh.write("\n".join(lines) + "\n")
