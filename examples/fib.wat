;; Fibonacci numbers: the example module of `syncwasm run` (scripts/demo converts it with wat2wasm).
;;   syncwasm run fib.wasm fib 20        -> 6765
;;   syncwasm run fib.wasm fib_iter 90   -> 2880067194370816120
;; Both return 0 for n <= 0; fib_iter wraps modulo 2^64 beyond fib(93).
(module
  ;; By the definition: fib(n) = fib(n - 1) + fib(n - 2), in about 1.6^n calls.
  (func $fib (export "fib") (param $n i64) (result i64)
    (if (result i64) (i64.lt_s (local.get $n) (i64.const 2))
      (then
        (select (local.get $n) (i64.const 0) (i64.gt_s (local.get $n) (i64.const 0))))
      (else
        (i64.add
          (call $fib (i64.sub (local.get $n) (i64.const 1)))
          (call $fib (i64.sub (local.get $n) (i64.const 2)))))))

  ;; In a loop, in n steps: (a, b) runs through (fib(k), fib(k + 1)).
  (func (export "fib_iter") (param $n i64) (result i64)
    (local $a i64) (local $b i64) (local $next i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $step
        (br_if $done (i64.le_s (local.get $n) (i64.const 0)))
        (local.set $next (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $next))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $step)))
    (local.get $a)))
