;; Submodule "s" of the sync_script fuzz target (the four-function ABI): yields the running sum of
;; the u64s it is resumed with, until a resume brings no data; then returns the sum.
(module
  (import "env" "callback" (func $callback (param i64 i64)))
  (import "env" "get_input_size" (func $input_size (result i64)))
  (import "env" "get_input" (func $input (param i64)))
  (import "env" "return_value" (func $return (param i64 i64)))
  (memory 1)
  (func (export "main") (local $n i64) (local $i i64)
    (loop $more
      (call $callback (i64.const 8) (i64.const 0))
      (local.set $n (call $input_size))
      (if (i64.eqz (local.get $n)) (then (call $return (i64.const 8) (i64.const 0)) (return)))
      (if (i64.gt_u (local.get $n) (i64.const 4096)) (then (unreachable)))
      (call $input (i64.const 1024))
      (local.set $i (i64.const 0))
      (block $done (loop $sum
        (br_if $done (i64.gt_u (i64.add (local.get $i) (i64.const 8)) (local.get $n)))
        (i64.store (i32.const 0) (i64.add (i64.load (i32.const 0))
                                          (i64.load (i32.wrap_i64 (i64.add (i64.const 1024) (local.get $i))))))
        (local.set $i (i64.add (local.get $i) (i64.const 8)))
        (br $sum)))
      (br $more)))
)
