;; Globals, multi-value blocks, deep recursion (call-depth limit), an infinite loop (fuel),
;; unreachable, and a mutable exported global.
(module
  (global $g (export "g") (mut i64) (i64.const 7))
  (global $c i32 (i32.const 3))
  (func $rec (export "recurse") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $rec (i32.sub (local.get 0) (i32.const 1)))))))
  (func (export "deep") (result i32) (call $rec (i32.const 100000)))
  (func $forever (export "forever") (loop (br 0)))
  (func (export "trap") (unreachable))
  (func (export "multi") (result i32 i64)
    (block (result i32 i64) (global.get $c) (global.get $g))
    (global.set $g (i64.const 9)))
  (func (export "pair") (param i32 i32) (result i32 i32)
    (local.get 1) (local.get 0)
    (block (param i32 i32) (result i32 i32) (br 0)))
  (func (export "big_frame") (param f64) (local i64 i64 i64 i64 i64 i64 i64 i64 f32 f64) (i64.const 0) (drop))
)
