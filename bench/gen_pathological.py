#!/usr/bin/env python3
"""Writes pathological WebAssembly text modules for the translation-speed benchmark: shapes that
make translators slow when some step is not linear in the code size.

gen_pathological.py KIND SCALE OUT.wat

KIND: nesting (SCALE nested blocks), locals (a function with SCALE i64 locals, each read once),
br_table (a br_table with SCALE targets, repeated 8 times), straight (one function of SCALE
local.get/i32.add pairs), consts (SCALE distinct i64 constants in one function).
"""
import sys

kind, scale, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = ["(module", "  (func (export \"f\") (param i32) (result i32)"]
if kind == "nesting":
    # Flat syntax: wat2wasm's parser would recurse once per level of the folded form.
    lines.append("    " + "block " * scale + "local.get 0 drop " + "end " * scale)
    lines.append("    (local.get 0)")
elif kind == "locals":
    lines.append(f"    (local {' '.join(['i64'] * scale)})")
    lines.append("    (i64.const 0)")
    for i in range(1, scale + 1):
        lines.append(f"    (i64.add (local.get {i}))")
    lines.append("    (drop) (local.get 0)")
elif kind == "br_table":
    for _ in range(8):
        targets = " ".join(str(i % 4) for i in range(scale))
        lines.append(f"    (block (block (block (block (br_table {targets} 0 (local.get 0))))))")
    lines.append("    (local.get 0)")
elif kind == "straight":
    lines.append("    (local.get 0)")
    for _ in range(scale):
        lines.append("    (i32.add (local.get 0))")
elif kind == "consts":
    lines.append("    (i64.const 0)")
    for i in range(scale):
        lines.append(f"    (i64.add (i64.const {i * 7919 + 1}))")
    lines.append("    (drop) (local.get 0)")
else:
    sys.exit(f"unknown kind {kind}")
lines.append("  ))")
open(out, "w").write("\n".join(lines) + "\n")
