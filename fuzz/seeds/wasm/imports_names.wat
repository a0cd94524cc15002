;; Imports of every kind, a start function and a name section (assembled with --debug-names).
(module $named
  (import "env" "f" (func $imported (param i32) (result i32)))
  (import "env" "mem" (memory 1))
  (import "env" "tab" (table 2 funcref))
  (import "env" "glob" (global $ig i32))
  (func $local_name (export "f") (param $x i32) (result i32) (call $imported (local.get $x)))
  (func $init (drop (global.get $ig)))
  (start $init)
)
