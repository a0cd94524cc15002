;; NaN-heavy float code for the determinism check: NaN payloads, signs and canonicalization show up
;; in the stored bits and the gas.
(module
  (import "env" "value_return" (func $ret (param i64 i64)))
  (import "env" "storage_write" (func $sw (param i64 i64 i64 i64 i64) (result i64)))
  (memory 1)
  (func (export "main") (local f64 f32 i32)
    (local.set 0 (f64.div (f64.const 0) (f64.const 0)))
    (local.set 1 (f32.sqrt (f32.const -1)))
    (loop
      (local.set 0 (f64.add (local.get 0) (f64.reinterpret_i64 (i64.const 0x7FF4000000000001))))
      (local.set 1 (f32.min (local.get 1) (f32.reinterpret_i32 (i32.const 0xFFA00001))))
      (f64.store (i32.mul (local.get 2) (i32.const 16)) (f64.nearest (f64.mul (local.get 0) (f64.const -1.5))))
      (f32.store offset=8 (i32.mul (local.get 2) (i32.const 16)) (f32.copysign (local.get 1) (f32.const -0)))
      (br_if 0 (i32.lt_u (local.tee 2 (i32.add (local.get 2) (i32.const 1))) (i32.const 64))))
    (drop (call $sw (i64.const 4) (i64.const 0) (i64.const 1024) (i64.const 0) (i64.const 0)))
    (call $ret (i64.const 1024) (i64.const 0))))
