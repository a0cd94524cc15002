// A namespace contract in WAT for the sync-call tests.
#pragma once

namespace syncwasm::sync::test {

inline const char* kPlugin = R"((module
  (import "env" "value_return" (func $ret (param i64 i64)))
  (import "env" "callback" (func $callback (param i64 i64 i64)))
  (import "env" "read_register" (func $read_register (param i64 i64)))
  (import "env" "input" (func $input (param i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "storage_read" (func $storage_read (param i64 i64 i64) (result i64)))
  (import "env" "log_utf8" (func $log (param i64 i64)))
  (import "env" "current_namespace" (func $current_namespace (param i64)))
  (import "env" "predecessor_namespace" (func $predecessor_namespace (param i64)))
  (import "env" "sync_function_call" (func $sync_call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (memory 1)
  (data (i32.const 0) "k")
  (data (i32.const 8) "callee")
  (data (i32.const 16) "plugin")
  (data (i32.const 24) "ret42")
  (data (i32.const 32) "hi")
  ;; returns the u64 42
  (func (export "ret42") (i64.store (i32.const 100) (i64.const 42)) (call $ret (i64.const 8) (i64.const 100)))
  ;; echoes its input
  (func (export "echo") (call $input (i64.const 0)) (call $ret (i64.const -1) (i64.const 0)))
  ;; yields the u64 7, then returns the u64 response + 1
  (func (export "yield_then")
    (i64.store (i32.const 100) (i64.const 7))
    (call $callback (i64.const 8) (i64.const 100) (i64.const 3))
    (call $read_register (i64.const 3) (i64.const 108))
    (i64.store (i32.const 116) (i64.add (i64.load (i32.const 108)) (i64.const 1)))
    (call $ret (i64.const 8) (i64.const 116)))
  ;; yields a counter until the response is 0, then returns the number of rounds
  (func (export "pingpong") (local $n i64)
    (loop
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (i64.store (i32.const 100) (local.get $n))
      (call $callback (i64.const 8) (i64.const 100) (i64.const 3))
      (call $read_register (i64.const 3) (i64.const 108))
      (br_if 0 (i64.ne (i64.load (i32.const 108)) (i64.const 0))))
    (call $ret (i64.const 8) (i64.const 100)))
  ;; writes k=callee, then traps
  (func (export "write_then_trap")
    (drop (call $storage_write (i64.const 1) (i64.const 0) (i64.const 6) (i64.const 8) (i64.const 0)))
    (call $log (i64.const 2) (i64.const 32))
    (unreachable))
  ;; writes k=callee and logs
  (func (export "write")
    (drop (call $storage_write (i64.const 1) (i64.const 0) (i64.const 6) (i64.const 8) (i64.const 0)))
    (call $log (i64.const 2) (i64.const 32)))
  ;; returns its own value of k (or nothing)
  (func (export "read")
    (if (i64.ne (call $storage_read (i64.const 1) (i64.const 0) (i64.const 4)) (i64.const 0))
      (then (call $ret (i64.const -1) (i64.const 4)))))
  ;; returns "<current>/<predecessor>" namespaces
  (func (export "whoami")
    (call $current_namespace (i64.const 5)) (call $read_register (i64.const 5) (i64.const 200))
    (call $ret (i64.const -1) (i64.const 5)))
  (func (export "burn") (loop (br 0)))
  ;; calls plugin.ret42 synchronously (a nested call) and returns its status and value
  (func (export "nested")
    (i64.store (i32.const 300) (call $sync_call (i64.const 6) (i64.const 16) (i64.const 5) (i64.const 24)
                                               (i64.const 0) (i64.const 0) (i64.const 10000000000000) (i64.const 6)))
    (call $read_register (i64.const 6) (i64.const 308))
    (call $ret (i64.const 16) (i64.const 300)))
))";

}  // namespace syncwasm::sync::test
