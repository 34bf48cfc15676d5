;; Glyph Lab engine kernels in WebAssembly SIMD (v128, f32x4), hand-written WAT.
;; Assembled by scripts/build-wasm.ts (the `wabt` package) into engine/wasm/kernels-wasm.ts, the
;; base64 module the engine loads the same way in Node, the utility process and the renderer.
;;
;; Every pointer is a byte offset into the exported memory; the TypeScript side (engine/wasm/memory.ts,
;; the wrappers) owns the layout: operands copied in, a work area for the packed panels, results copied out.
;;
;; GEMM: C[m×n] = alpha·op(A)·op(B) + beta·C, row-major, the Goto/BLIS structure of the pure-TS
;; kernel (engine/kernels/gemm.ts), with the same zero skipping:
;;   for jc (NC columns of C): for pc (KC live k): pack B → for ic (MC rows): pack A →
;;     for each 4×8 tile: micro-kernel, 8 f32x4 accumulators in registers.
;; Packed A panel: [kc][4] (4 rows interleaved along k); packed B panel: [kc][8].
;; NOTE: accumulation is in float32 (the TS kernel uses float64), as in every float32 BLAS.
;; FMA: `f32x4.madd a b c` (= a·b + c) is not a WebAssembly instruction but this file's one macro.
;; scripts/build-wasm.ts expands it twice: to `f32x4.relaxed_madd` (relaxed SIMD: one fused
;; multiply-add per lane where the CPU has FMA, one rounding) for the FMA module, and to
;; `f32x4.add c (f32x4.mul a b)` (two roundings, the plain SIMD 128 of every runtime) for the other.
;; engine/wasm/runtime.ts loads the FMA module where relaxed SIMD validates (Electron; Node 20 only
;; with --experimental-wasm-relaxed-simd). The macro is used where GEMM accumulates (the micro-kernels,
;; their alpha epilogue, gemv); the optimizers keep mul then add in both forms.

(module
  (memory (export "memory") 17)

  ;; constants (keep in step with engine/wasm/memory.ts WORK_BYTES)
  ;; MR = 4, NR = 8, KC = 256, MC = 64, NC = 512
  ;; work area layout (bytes from $work): packA 64·256·4 = 65536, packB 256·512·4 = 524288,
  ;; edge tile 128, panel flags 16·4 = 64, compacted-panel indices 16·256·4 = 16384, then liveK (k·4 bytes)

  ;; ---- zero skipping: the k indices where op(A) has a nonzero in some row -------------------
  ;; writes them as i32 to $ks and returns how many.
  (func $live_k (param $transA i32) (param $a i32) (param $m i32) (param $k i32) (param $ks i32)
    (result i32)
    (local $i i32) (local $p i32) (local $live i32) (local $row i32) (local $end i32)
    (local $acc v128)
    (if (local.get $transA)
      (then
        ;; A stored [k, m]: index p is row p, contiguous
        (local.set $p (i32.const 0))
        (block $done (loop $rows
          (br_if $done (i32.ge_u (local.get $p) (local.get $k)))
          (local.set $row (i32.add (local.get $a) (i32.shl (i32.mul (local.get $p) (local.get $m)) (i32.const 2))))
          (local.set $end (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 2))))
          (local.set $acc (v128.const i32x4 0 0 0 0))
          (block $scalar (loop $vec
            (br_if $scalar (i32.gt_u (i32.add (local.get $row) (i32.const 16)) (local.get $end)))
            (local.set $acc (v128.or (local.get $acc)
              (f32x4.ne (v128.load (local.get $row)) (v128.const f32x4 0 0 0 0))))
            (local.set $row (i32.add (local.get $row) (i32.const 16)))
            (br $vec)))
          (block $tail_done (loop $tail
            (br_if $tail_done (i32.ge_u (local.get $row) (local.get $end)))
            (if (f32.ne (f32.load (local.get $row)) (f32.const 0))
              (then (local.set $acc (v128.const i32x4 -1 0 0 0))))
            (local.set $row (i32.add (local.get $row) (i32.const 4)))
            (br $tail)))
          (if (v128.any_true (local.get $acc))
            (then
              (i32.store (i32.add (local.get $ks) (i32.shl (local.get $live) (i32.const 2))) (local.get $p))
              (local.set $live (i32.add (local.get $live) (i32.const 1)))))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $rows)))
        (return (local.get $live))))
    ;; A stored [m, k]: OR the "nonzero" masks of every row into ks[k], then compact in place
    (memory.fill (local.get $ks) (i32.const 0) (i32.shl (local.get $k) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $row (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 2))))
      (local.set $p (i32.const 0))
      (block $scalar (loop $vec
        (br_if $scalar (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $k)))
        (local.set $end (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2))))
        (v128.store (local.get $end) (v128.or (v128.load (local.get $end))
          (f32x4.ne (v128.load (i32.add (local.get $row) (i32.shl (local.get $p) (i32.const 2))))
            (v128.const f32x4 0 0 0 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $vec)))
      (block $tail_done (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $p) (local.get $k)))
        (if (f32.ne (f32.load (i32.add (local.get $row) (i32.shl (local.get $p) (i32.const 2)))) (f32.const 0))
          (then (i32.store (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2))) (i32.const -1))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $tail)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
    (local.set $p (i32.const 0))
    (block $done (loop $compact
      (br_if $done (i32.ge_u (local.get $p) (local.get $k)))
      (if (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2))))
        (then
          (i32.store (i32.add (local.get $ks) (i32.shl (local.get $live) (i32.const 2))) (local.get $p))
          (local.set $live (i32.add (local.get $live) (i32.const 1)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $compact)))
    (local.get $live))

  ;; ---- packing ---------------------------------------------------------------------------------
  ;; packA[(panel·kc + p)·4 + r] = op(A)[ic + panel·4 + r, ks[pc + p]]; zero past the last row.
  ;; flags[panel]: 0 when the panel is all zeros (skipped), −1 when dense,
  ;; else the length of its compacted form (see $compact_panel).
  (func $pack_a (param $transA i32) (param $a i32) (param $m i32) (param $k i32) (param $ks i32)
    (param $ic i32) (param $mc i32) (param $kc i32) (param $dst i32) (param $flags i32)
    (param $idx i32)
    (local $panel i32) (local $panels i32) (local $i0 i32) (local $rows i32) (local $p i32) (local $r i32)
    (local $d i32) (local $src i32) (local $v f32) (local $vv v128) (local $acc v128) (local $row i32)
    (local.set $panels (i32.shr_u (i32.add (local.get $mc) (i32.const 3)) (i32.const 2)))
    (block $done (loop $panel_loop
      (br_if $done (i32.ge_u (local.get $panel) (local.get $panels)))
      (local.set $i0 (i32.add (local.get $ic) (i32.shl (local.get $panel) (i32.const 2))))
      (local.set $rows (i32.sub (i32.add (local.get $ic) (local.get $mc)) (local.get $i0)))
      (if (i32.gt_s (local.get $rows) (i32.const 4)) (then (local.set $rows (i32.const 4))))
      (local.set $d (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $panel) (local.get $kc)) (i32.const 4))))
      (local.set $acc (v128.const i32x4 0 0 0 0))
      (local.set $p (i32.const 0))
      (if (i32.and (local.get $transA) (i32.eq (local.get $rows) (i32.const 4)))
        (then
          ;; A stored [k, m]: 4 contiguous floats per k
          (block $pd (loop $pl
            (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
            (local.set $vv (v128.load (i32.add (local.get $a) (i32.shl (i32.add
              (i32.mul (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))) (local.get $m))
              (local.get $i0)) (i32.const 2)))))
            (v128.store (local.get $d) (local.get $vv))
            (local.set $acc (v128.or (local.get $acc) (f32x4.ne (local.get $vv) (v128.const f32x4 0 0 0 0))))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl))))
        (else (if (i32.eq (local.get $rows) (i32.const 4))
        (then
          ;; A stored [m, k], a full panel: gather the 4 rows' values at each live k into one vector
          ;; (no per-element branches: the general path below costs ~3× this on the forward pass)
          (local.set $src (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i0) (local.get $k)) (i32.const 2))))
          (local.set $row (i32.shl (local.get $k) (i32.const 2)))
          (block $pd (loop $pl
            (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
            (local.set $r (i32.add (local.get $src)
              (i32.shl (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
            (local.set $vv (v128.load32_splat (local.get $r)))
            (local.set $vv (f32x4.replace_lane 1 (local.get $vv) (f32.load (i32.add (local.get $r) (local.get $row)))))
            (local.set $vv (f32x4.replace_lane 2 (local.get $vv)
              (f32.load (i32.add (local.get $r) (i32.shl (local.get $row) (i32.const 1))))))
            (local.set $vv (f32x4.replace_lane 3 (local.get $vv)
              (f32.load (i32.add (local.get $r) (i32.mul (local.get $row) (i32.const 3))))))
            (v128.store (local.get $d) (local.get $vv))
            (local.set $acc (v128.or (local.get $acc) (f32x4.ne (local.get $vv) (v128.const f32x4 0 0 0 0))))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl))))
        (else
          ;; general case (a last panel of fewer than 4 rows), one row at a time (scalar gathers)
          (local.set $r (i32.const 0))
          (block $rd (loop $rl
            (br_if $rd (i32.ge_u (local.get $r) (i32.const 4)))
            (local.set $p (i32.const 0))
            (local.set $d (i32.add (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $panel) (local.get $kc)) (i32.const 4)))
              (i32.shl (local.get $r) (i32.const 2))))
            (block $pd (loop $pl
              (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
              (local.set $v (f32.const 0))
              (if (i32.lt_s (local.get $r) (local.get $rows))
                (then
                  (local.set $src (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))))
                  (local.set $v (f32.load (i32.add (local.get $a) (i32.shl
                    (if (result i32) (local.get $transA)
                      (then (i32.add (i32.mul (local.get $src) (local.get $m)) (i32.add (local.get $i0) (local.get $r))))
                      (else (i32.add (i32.mul (i32.add (local.get $i0) (local.get $r)) (local.get $k)) (local.get $src))))
                    (i32.const 2)))))
                  (if (f32.ne (local.get $v) (f32.const 0))
                    (then (local.set $acc (v128.const i32x4 -1 0 0 0))))))
              (f32.store (local.get $d) (local.get $v))
              (local.set $d (i32.add (local.get $d) (i32.const 16)))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br $pl)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rl)))))))
      (i32.store (i32.add (local.get $flags) (i32.shl (local.get $panel) (i32.const 2)))
        (if (result i32) (v128.any_true (local.get $acc))
          (then (call $compact_panel
            (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $panel) (local.get $kc)) (i32.const 4)))
            (local.get $kc) (i32.add (local.get $idx) (i32.shl (local.get $panel) (i32.const 10)))))
          (else (i32.const 0))))
      (local.set $panel (i32.add (local.get $panel) (i32.const 1)))
      (br $panel_loop))))

  ;; Per-panel zero skipping: handwriting is sparse per image (~80 % blank) far more than per batch
  ;; (a pixel is blank in all 64 images only ~40 % of the time), so a panel of 4 rows of A (4 images in
  ;; x·W, 4 pixels in xᵀ·dY) is zero at many k where the batch is not. When fewer than 90 % of the
  ;; panel's kc vectors are nonzero, they are moved to the front in place and idx[q] gets the byte
  ;; offset in the B panel of the q-th kept k. Returns
  ;; that count, or −1 to keep the panel dense (the indexed kernel costs an extra load per k).
  (func $compact_panel (param $d i32) (param $kc i32) (param $idx i32) (result i32)
    (local $p i32) (local $cnt i32) (local $v v128)
    (block $cd (loop $cl
      (br_if $cd (i32.ge_u (local.get $p) (local.get $kc)))
      (local.set $cnt (i32.add (local.get $cnt) (v128.any_true (f32x4.ne
        (v128.load (i32.add (local.get $d) (i32.shl (local.get $p) (i32.const 4)))) (v128.const f32x4 0 0 0 0)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $cl)))
    (if (i32.ge_u (i32.mul (local.get $cnt) (i32.const 10)) (i32.mul (local.get $kc) (i32.const 9)))
      (then (return (i32.const -1))))
    (local.set $cnt (i32.const 0))
    (local.set $p (i32.const 0))
    (block $md (loop $ml
      (br_if $md (i32.ge_u (local.get $p) (local.get $kc)))
      (local.set $v (v128.load (i32.add (local.get $d) (i32.shl (local.get $p) (i32.const 4)))))
      (if (v128.any_true (f32x4.ne (local.get $v) (v128.const f32x4 0 0 0 0)))
        (then
          (v128.store (i32.add (local.get $d) (i32.shl (local.get $cnt) (i32.const 4))) (local.get $v))
          (i32.store (i32.add (local.get $idx) (i32.shl (local.get $cnt) (i32.const 2)))
            (i32.shl (local.get $p) (i32.const 5)))
          (local.set $cnt (i32.add (local.get $cnt) (i32.const 1)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $ml)))
    (local.get $cnt))

  ;; packB[(panel·kc + p)·8 + q] = op(B)[ks[pc + p], jc + panel·8 + q]; zero past the last column.
  ;; four rows of four floats (at $s, $s + $rs, $s + 2·$rs, $s + 3·$rs) stored transposed: column t
  ;; of the block (one float of each row) as a v128 at $d + 32·t, the layout of a packed B panel.
  (func $transpose4 (param $s i32) (param $rs i32) (param $d i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $t0 v128) (local $t1 v128)
    (local.set $r0 (v128.load (local.get $s)))
    (local.set $r1 (v128.load (i32.add (local.get $s) (local.get $rs))))
    (local.set $r2 (v128.load (i32.add (local.get $s) (i32.shl (local.get $rs) (i32.const 1)))))
    (local.set $r3 (v128.load (i32.add (local.get $s) (i32.mul (local.get $rs) (i32.const 3)))))
    ;; t0 = a0 b0 a1 b1, t1 = a2 b2 a3 b3 (rows 0, 1); r1, r3 then the same of rows 2, 3
    (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
    (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
    (local.set $r1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
    (local.set $r3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
    (v128.store (local.get $d) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $r1)))
    (v128.store offset=32 (local.get $d) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $r1)))
    (v128.store offset=64 (local.get $d) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $r3)))
    (v128.store offset=96 (local.get $d) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $r3))))

  (func $pack_b (param $transB i32) (param $b i32) (param $k i32) (param $n i32) (param $ks i32)
    (param $jc i32) (param $nc i32) (param $kc i32) (param $dst i32)
    (local $panel i32) (local $panels i32) (local $j0 i32) (local $cols i32) (local $p i32) (local $q i32)
    (local $d i32) (local $src i32) (local $base i32) (local $rs i32) (local $kp i32)
    (local.set $panels (i32.shr_u (i32.add (local.get $nc) (i32.const 7)) (i32.const 3)))
    (block $done (loop $panel_loop
      (br_if $done (i32.ge_u (local.get $panel) (local.get $panels)))
      (local.set $j0 (i32.add (local.get $jc) (i32.shl (local.get $panel) (i32.const 3))))
      (local.set $cols (i32.sub (i32.add (local.get $jc) (local.get $nc)) (local.get $j0)))
      (if (i32.gt_s (local.get $cols) (i32.const 8)) (then (local.set $cols (i32.const 8))))
      (local.set $base (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $panel) (local.get $kc)) (i32.const 5))))
      (if (i32.and (i32.eqz (local.get $transB)) (i32.eq (local.get $cols) (i32.const 8)))
        (then
          ;; the common case: 8 contiguous floats per row of B
          (local.set $d (local.get $base))
          (local.set $p (i32.const 0))
          (block $pd (loop $pl
            (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
            (local.set $src (i32.add (local.get $b) (i32.shl (i32.add (i32.mul
              (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))) (local.get $n))
              (local.get $j0)) (i32.const 2))))
            (v128.store (local.get $d) (v128.load (local.get $src)))
            (v128.store offset=16 (local.get $d) (v128.load offset=16 (local.get $src)))
            (local.set $d (i32.add (local.get $d) (i32.const 32)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl))))
        (else (if (i32.and (local.get $transB) (i32.eq (local.get $cols) (i32.const 8)))
        (then
          ;; B stored [n, k], a full panel: 8 rows contiguous along k. Where four live k are
          ;; consecutive (dense stretches of A), read four k of each row at once and transpose 4×4
          ;; blocks in registers; otherwise one k at a time. (One float per load was ~12 % of M2's
          ;; step: the convolution's kernel gradient packs its columns this way.)
          (local.set $rs (i32.shl (local.get $k) (i32.const 2)))
          (local.set $src (i32.add (local.get $b) (i32.mul (local.get $j0) (local.get $rs))))
          (local.set $d (local.get $base))
          (local.set $p (i32.const 0))
          (block $pd (loop $pl
            (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
            (local.set $kp (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))))
            (if (i32.and (i32.le_u (i32.add (local.get $p) (i32.const 4)) (local.get $kc))
                  (i32.eq (i32.load offset=12 (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2))))
                    (i32.add (local.get $kp) (i32.const 3))))
              (then
                (local.set $q (i32.add (local.get $src) (i32.shl (local.get $kp) (i32.const 2))))
                (call $transpose4 (local.get $q) (local.get $rs) (local.get $d))
                (call $transpose4 (i32.add (local.get $q) (i32.shl (local.get $rs) (i32.const 2))) (local.get $rs)
                  (i32.add (local.get $d) (i32.const 16)))
                (local.set $d (i32.add (local.get $d) (i32.const 128)))
                (local.set $p (i32.add (local.get $p) (i32.const 4))))
              (else
                (local.set $q (i32.const 0))
                (block $qd (loop $ql
                  (br_if $qd (i32.ge_u (local.get $q) (i32.const 8)))
                  (f32.store (i32.add (local.get $d) (i32.shl (local.get $q) (i32.const 2)))
                    (f32.load (i32.add (i32.add (local.get $src) (i32.mul (local.get $q) (local.get $rs)))
                      (i32.shl (local.get $kp) (i32.const 2)))))
                  (local.set $q (i32.add (local.get $q) (i32.const 1)))
                  (br $ql)))
                (local.set $d (i32.add (local.get $d) (i32.const 32)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))))
            (br $pl))))
        (else
          (local.set $q (i32.const 0))
          (block $qd (loop $ql
            (br_if $qd (i32.ge_u (local.get $q) (i32.const 8)))
            (local.set $d (i32.add (local.get $base) (i32.shl (local.get $q) (i32.const 2))))
            (local.set $p (i32.const 0))
            (if (i32.ge_s (local.get $q) (local.get $cols))
              (then
                (block $pd (loop $pl
                  (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
                  (f32.store (local.get $d) (f32.const 0))
                  (local.set $d (i32.add (local.get $d) (i32.const 32)))
                  (local.set $p (i32.add (local.get $p) (i32.const 1)))
                  (br $pl))))
              (else
                (if (local.get $transB)
                  (then
                    ;; B stored [n, k]: row j is contiguous along k
                    (local.set $src (i32.add (local.get $b) (i32.shl (i32.mul (i32.add (local.get $j0) (local.get $q))
                      (local.get $k)) (i32.const 2))))
                    (block $pd (loop $pl
                      (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
                      (f32.store (local.get $d) (f32.load (i32.add (local.get $src) (i32.shl
                        (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2)))))
                      (local.set $d (i32.add (local.get $d) (i32.const 32)))
                      (local.set $p (i32.add (local.get $p) (i32.const 1)))
                      (br $pl))))
                  (else
                    (local.set $src (i32.add (local.get $b) (i32.shl (i32.add (local.get $j0) (local.get $q)) (i32.const 2))))
                    (block $pd (loop $pl
                      (br_if $pd (i32.ge_u (local.get $p) (local.get $kc)))
                      (f32.store (local.get $d) (f32.load (i32.add (local.get $src) (i32.shl (i32.mul
                        (i32.load (i32.add (local.get $ks) (i32.shl (local.get $p) (i32.const 2)))) (local.get $n))
                        (i32.const 2)))))
                      (local.set $d (i32.add (local.get $d) (i32.const 32)))
                      (local.set $p (i32.add (local.get $p) (i32.const 1)))
                      (br $pl)))))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $ql)))))))
      (local.set $panel (i32.add (local.get $panel) (i32.const 1)))
      (br $panel_loop))))

  ;; ---- the micro-kernel ------------------------------------------------------------------------
  ;; C[4×8 at $c, row stride $ldc bytes] += alpha · Apanel[kc][4] · Bpanel[kc][8].
  ;; 8 f32x4 accumulators + 2 B vectors + 4 broadcast A = 14 of the 15 xmm registers V8 allocates on
  ;; x64. One k per iteration, not unrolled, on purpose: Node 20's TurboFan issues every load of a
  ;; loop body (they are ordered on its effect chain) before the multiply-adds (pure, scheduled
  ;; late), so all of an iteration's loaded values are live at once. Unrolled two k deep (20 live
  ;; values) or widened to 6×8 (20, and 32 unrolled), the accumulators spilled to the stack; this
  ;; loop keeps them in registers: measured 1.3× (plain) and 1.8× (FMA) the 2-deep loop, interleaved
  ;; (docs/experiments/2026-12-05-gemm-micro-kernel.md).
  (func $kernel (param $kc i32) (param $pa i32) (param $pb i32) (param $c i32) (param $ldc i32)
    (param $alpha f32)
    (local $c0a v128) (local $c0b v128) (local $c1a v128) (local $c1b v128)
    (local $c2a v128) (local $c2b v128) (local $c3a v128) (local $c3b v128)
    (local $b0 v128) (local $b1 v128) (local $av v128) (local $end i32)
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $kc) (i32.const 4))))
    (loop $k
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $av (v128.load32_splat (local.get $pa)))
      (local.set $c0a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c0a)))
      (local.set $c0b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c0b)))
      (local.set $av (v128.load32_splat offset=4 (local.get $pa)))
      (local.set $c1a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c1a)))
      (local.set $c1b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c1b)))
      (local.set $av (v128.load32_splat offset=8 (local.get $pa)))
      (local.set $c2a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c2a)))
      (local.set $c2b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c2b)))
      (local.set $av (v128.load32_splat offset=12 (local.get $pa)))
      (local.set $c3a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c3a)))
      (local.set $c3b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c3b)))
      (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
      (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
      (br_if $k (i32.lt_u (local.get $pa) (local.get $end))))
    (local.set $av (f32x4.splat (local.get $alpha)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c0a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c0b) (v128.load offset=16 (local.get $c))))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c1a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c1b) (v128.load offset=16 (local.get $c))))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c2a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c2b) (v128.load offset=16 (local.get $c))))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c3a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c3b) (v128.load offset=16 (local.get $c)))))

  ;; The micro-kernel over a compacted A panel (see $compact_panel): the B rows are read through idx
  ;; (byte offsets into the B panel).
  (func $kernel_sparse (param $cnt i32) (param $pa i32) (param $pb i32) (param $idx i32) (param $c i32) (param $ldc i32)
    (param $alpha f32)
    (local $c0a v128) (local $c0b v128) (local $c1a v128) (local $c1b v128)
    (local $c2a v128) (local $c2b v128) (local $c3a v128) (local $c3b v128)
    (local $b0 v128) (local $b1 v128) (local $av v128) (local $end i32) (local $o i32)
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $cnt) (i32.const 4))))
    (loop $k
      (local.set $o (i32.add (local.get $pb) (i32.load (local.get $idx))))
      (local.set $b0 (v128.load (local.get $o)))
      (local.set $b1 (v128.load offset=16 (local.get $o)))
      (local.set $av (v128.load32_splat (local.get $pa)))
      (local.set $c0a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c0a)))
      (local.set $c0b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c0b)))
      (local.set $av (v128.load32_splat offset=4 (local.get $pa)))
      (local.set $c1a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c1a)))
      (local.set $c1b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c1b)))
      (local.set $av (v128.load32_splat offset=8 (local.get $pa)))
      (local.set $c2a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c2a)))
      (local.set $c2b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c2b)))
      (local.set $av (v128.load32_splat offset=12 (local.get $pa)))
      (local.set $c3a (f32x4.madd (local.get $av) (local.get $b0) (local.get $c3a)))
      (local.set $c3b (f32x4.madd (local.get $av) (local.get $b1) (local.get $c3b)))
      (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
      (local.set $idx (i32.add (local.get $idx) (i32.const 4)))
      (br_if $k (i32.lt_u (local.get $pa) (local.get $end))))
    (local.set $av (f32x4.splat (local.get $alpha)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c0a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c0b) (v128.load offset=16 (local.get $c))))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c1a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c1b) (v128.load offset=16 (local.get $c))))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c2a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c2b) (v128.load offset=16 (local.get $c))))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (f32x4.madd (local.get $av) (local.get $c3a) (v128.load (local.get $c))))
    (v128.store offset=16 (local.get $c) (f32x4.madd (local.get $av) (local.get $c3b) (v128.load offset=16 (local.get $c)))))

  ;; One 4×8 tile with the panel's mode (flags: −1 dense, n > 0 compacted to n k values).
  (func $tile (param $mode i32) (param $kc i32) (param $pa i32) (param $pb i32) (param $idx i32) (param $c i32)
    (param $ldc i32) (param $alpha f32)
    (if (i32.lt_s (local.get $mode) (i32.const 0))
      (then (call $kernel (local.get $kc) (local.get $pa) (local.get $pb) (local.get $c) (local.get $ldc) (local.get $alpha)))
      (else (call $kernel_sparse (local.get $mode) (local.get $pa) (local.get $pb) (local.get $idx) (local.get $c)
        (local.get $ldc) (local.get $alpha)))))

  ;; ---- elementwise ---------------------------------------------------------------------------
  ;; y[i] = max(x[i], 0) over n floats (ReLU forward). f32x4.max propagates NaN like Math.max.
  ;; NOTE: a data-dependent branch per element (Math.max, `x > 0 ? …`) mispredicts half the time
  ;; on activations (~5 ns/element measured); the SIMD select has no branch.
  (func (export "relu") (param $x i32) (param $y i32) (param $n i32)
    (local $end i32) (local $vend i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vend (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vd (loop $vl
      (br_if $vd (i32.ge_u (local.get $x) (local.get $vend)))
      (v128.store (local.get $y) (f32x4.max (v128.load (local.get $x)) (v128.const f32x4 0 0 0 0)))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (local.set $y (i32.add (local.get $y) (i32.const 16)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $x) (local.get $end)))
      (f32.store (local.get $y) (f32.max (f32.load (local.get $x)) (f32.const 0)))
      (local.set $x (i32.add (local.get $x) (i32.const 4)))
      (local.set $y (i32.add (local.get $y) (i32.const 4)))
      (br $sl))))

  ;; dx[i] = x[i] > 0 ? dy[i] : 0 over n floats (ReLU backward; 0 at x = 0 and for NaN x).
  (func (export "relu_backward") (param $x i32) (param $dy i32) (param $dx i32) (param $n i32)
    (local $end i32) (local $vend i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vend (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vd (loop $vl
      (br_if $vd (i32.ge_u (local.get $x) (local.get $vend)))
      (v128.store (local.get $dx) (v128.and (v128.load (local.get $dy))
        (f32x4.gt (v128.load (local.get $x)) (v128.const f32x4 0 0 0 0))))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
      (local.set $dx (i32.add (local.get $dx) (i32.const 16)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $x) (local.get $end)))
      (f32.store (local.get $dx) (select (f32.load (local.get $dy)) (f32.const 0)
        (f32.gt (f32.load (local.get $x)) (f32.const 0))))
      (local.set $x (i32.add (local.get $x) (i32.const 4)))
      (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
      (local.set $dx (i32.add (local.get $dx) (i32.const 4)))
      (br $sl))))

;; ---- max pooling ---------------------------------------------------------------------------
  ;; 2×2 windows, stride 2, over $planes planes of [h, w] floats: y[o] = the window's maximum and
  ;; arg[o] = its element index in x (i32, counted from $x as the TS layer does), the first maximum in
  ;; row-major window order on ties (strict >, so a NaN wins only as the window's first value).
  ;; Four outputs per step: two f32x4 loads per input row, de-interleaved into the windows' left and
  ;; right columns, then three compare-selects of values and indices; the last ow % 4 scalar.
  (func (export "maxpool2x2") (param $x i32) (param $y i32) (param $arg i32) (param $planes i32)
    (param $h i32) (param $w i32) (param $oh i32) (param $ow i32)
    (local $plane i32) (local $oy i32) (local $ox i32) (local $ow4 i32) (local $i i32) (local $p i32)
    (local $r0a v128) (local $r0b v128) (local $r1a v128) (local $r1b v128)
    (local $max v128) (local $best v128) (local $v v128) (local $iv v128) (local $gt v128)
    (local $s f32) (local $t f32) (local $bi i32) (local $wb i32)
    (local.set $ow4 (i32.and (local.get $ow) (i32.const -4)))
    (local.set $wb (i32.shl (local.get $w) (i32.const 2)))
    (block $pd (loop $pl
      (br_if $pd (i32.ge_u (local.get $plane) (local.get $planes)))
      (local.set $oy (i32.const 0))
      (block $yd (loop $yl
        (br_if $yd (i32.ge_u (local.get $oy) (local.get $oh)))
        ;; $i: element index of the window's top-left value
        (local.set $i (i32.mul (i32.add (i32.mul (local.get $plane) (local.get $h)) (i32.shl (local.get $oy) (i32.const 1)))
          (local.get $w)))
        (local.set $ox (i32.const 0))
        (block $vd (loop $vl
          (br_if $vd (i32.ge_u (local.get $ox) (local.get $ow4)))
          (local.set $p (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))
          (local.set $r0a (v128.load (local.get $p)))
          (local.set $r0b (v128.load offset=16 (local.get $p)))
          (local.set $r1a (v128.load (i32.add (local.get $p) (local.get $wb))))
          (local.set $r1b (v128.load offset=16 (i32.add (local.get $p) (local.get $wb))))
          ;; top-left
          (local.set $max (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $r0a) (local.get $r0b)))
          (local.set $best (i32x4.add (i32x4.splat (local.get $i)) (v128.const i32x4 0 2 4 6)))
          ;; top-right
          (local.set $v (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $r0a) (local.get $r0b)))
          (local.set $iv (i32x4.add (local.get $best) (v128.const i32x4 1 1 1 1)))
          (local.set $gt (f32x4.gt (local.get $v) (local.get $max)))
          (local.set $max (v128.bitselect (local.get $v) (local.get $max) (local.get $gt)))
          (local.set $best (v128.bitselect (local.get $iv) (local.get $best) (local.get $gt)))
          ;; bottom-left
          (local.set $v (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $r1a) (local.get $r1b)))
          (local.set $iv (i32x4.add (i32x4.splat (i32.add (local.get $i) (local.get $w))) (v128.const i32x4 0 2 4 6)))
          (local.set $gt (f32x4.gt (local.get $v) (local.get $max)))
          (local.set $max (v128.bitselect (local.get $v) (local.get $max) (local.get $gt)))
          (local.set $best (v128.bitselect (local.get $iv) (local.get $best) (local.get $gt)))
          ;; bottom-right
          (local.set $v (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $r1a) (local.get $r1b)))
          (local.set $iv (i32x4.add (local.get $iv) (v128.const i32x4 1 1 1 1)))
          (local.set $gt (f32x4.gt (local.get $v) (local.get $max)))
          (local.set $max (v128.bitselect (local.get $v) (local.get $max) (local.get $gt)))
          (local.set $best (v128.bitselect (local.get $iv) (local.get $best) (local.get $gt)))
          (v128.store (local.get $y) (local.get $max))
          (v128.store (local.get $arg) (local.get $best))
          (local.set $y (i32.add (local.get $y) (i32.const 16)))
          (local.set $arg (i32.add (local.get $arg) (i32.const 16)))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 4)))
          (br $vl)))
        (block $sd (loop $sl
          (br_if $sd (i32.ge_u (local.get $ox) (local.get $ow)))
          (local.set $p (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))
          (local.set $s (f32.load (local.get $p)))
          (local.set $bi (local.get $i))
          (local.set $t (f32.load offset=4 (local.get $p)))
          (local.set $bi (select (i32.add (local.get $i) (i32.const 1)) (local.get $bi) (f32.gt (local.get $t) (local.get $s))))
          (local.set $s (select (local.get $t) (local.get $s) (f32.gt (local.get $t) (local.get $s))))
          (local.set $t (f32.load (i32.add (local.get $p) (local.get $wb))))
          (local.set $bi (select (i32.add (local.get $i) (local.get $w)) (local.get $bi) (f32.gt (local.get $t) (local.get $s))))
          (local.set $s (select (local.get $t) (local.get $s) (f32.gt (local.get $t) (local.get $s))))
          (local.set $t (f32.load offset=4 (i32.add (local.get $p) (local.get $wb))))
          (local.set $bi (select (i32.add (i32.add (local.get $i) (local.get $w)) (i32.const 1)) (local.get $bi)
            (f32.gt (local.get $t) (local.get $s))))
          (local.set $s (select (local.get $t) (local.get $s) (f32.gt (local.get $t) (local.get $s))))
          (f32.store (local.get $y) (local.get $s))
          (i32.store (local.get $arg) (local.get $bi))
          (local.set $y (i32.add (local.get $y) (i32.const 4)))
          (local.set $arg (i32.add (local.get $arg) (i32.const 4)))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br $sl)))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br $yl)))
      (local.set $plane (i32.add (local.get $plane) (i32.const 1)))
      (br $pl))))

  ;; dx[inN] = 0, then dx[arg[o]] += dy[o] over n outputs (max pooling's backward: each output's
  ;; gradient goes to where its maximum came from).
  (func (export "maxpool_backward") (param $dy i32) (param $arg i32) (param $dx i32) (param $n i32) (param $inN i32)
    (local $end i32) (local $p i32)
    (memory.fill (local.get $dx) (i32.const 0) (i32.shl (local.get $inN) (i32.const 2)))
    (local.set $end (i32.add (local.get $dy) (i32.shl (local.get $n) (i32.const 2))))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $dy) (local.get $end)))
      (local.set $p (i32.add (local.get $dx) (i32.shl (i32.load (local.get $arg)) (i32.const 2))))
      (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (f32.load (local.get $dy))))
      (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
      (local.set $arg (i32.add (local.get $arg) (i32.const 4)))
      (br $l))))

    ;; ---- optimizer updates -----------------------------------------------------------------------
  ;; Heavy-ball momentum over n floats (engine/optimizers/momentum.ts):
  ;;   v ← μ·v − lr·(g + λ·w);  w ← w + v.   In float32 (the TS loop rounds once per store from float64).
  (func (export "momentum") (param $w i32) (param $g i32) (param $v i32) (param $n i32)
    (param $mu f32) (param $lr f32) (param $l2 f32)
    (local $end i32) (local $vend i32) (local $vmu v128) (local $vlr v128) (local $vl2 v128)
    (local $wv v128) (local $vv v128) (local $s f32)
    (local.set $vmu (f32x4.splat (local.get $mu)))
    (local.set $vlr (f32x4.splat (local.get $lr)))
    (local.set $vl2 (f32x4.splat (local.get $l2)))
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vend (i32.add (local.get $w) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vd (loop $vl
      (br_if $vd (i32.ge_u (local.get $w) (local.get $vend)))
      (local.set $wv (v128.load (local.get $w)))
      (local.set $vv (f32x4.sub (f32x4.mul (local.get $vmu) (v128.load (local.get $v)))
        (f32x4.mul (local.get $vlr) (f32x4.add (v128.load (local.get $g)) (f32x4.mul (local.get $vl2) (local.get $wv))))))
      (v128.store (local.get $v) (local.get $vv))
      (v128.store (local.get $w) (f32x4.add (local.get $wv) (local.get $vv)))
      (local.set $w (i32.add (local.get $w) (i32.const 16)))
      (local.set $g (i32.add (local.get $g) (i32.const 16)))
      (local.set $v (i32.add (local.get $v) (i32.const 16)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $w) (local.get $end)))
      (local.set $s (f32.sub (f32.mul (local.get $mu) (f32.load (local.get $v)))
        (f32.mul (local.get $lr) (f32.add (f32.load (local.get $g)) (f32.mul (local.get $l2) (f32.load (local.get $w)))))))
      (f32.store (local.get $v) (local.get $s))
      (f32.store (local.get $w) (f32.add (f32.load (local.get $w)) (local.get $s)))
      (local.set $w (i32.add (local.get $w) (i32.const 4)))
      (local.set $g (i32.add (local.get $g) (i32.const 4)))
      (local.set $v (i32.add (local.get $v) (i32.const 4)))
      (br $sl))))

  ;; Adam / AdamW over n floats (engine/optimizers/adam.ts), with c1 = 1/(1−β1ᵗ), c2 = 1/(1−β2ᵗ);
  ;; 1−β1 and 1−β2 come in precomputed in float64 ($ob1, $ob2): 1 − f32(0.999) is off by 1.3e-5.
  ;;   g' = g + λ·w;  m ← β1·m + (1−β1)·g';  v ← β2·v + (1−β2)·g'²;
  ;;   w ← w − lr·(m·c1)/(√(v·c2) + ε) − d·w      (d = lr·decoupled decay, AdamW)
  (func (export "adam") (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32)
    (param $b1 f32) (param $ob1 f32) (param $b2 f32) (param $ob2 f32) (param $c1 f32) (param $c2 f32) (param $eps f32) (param $lr f32)
    (param $l2 f32) (param $d f32)
    (local $i i32) (local $off i32) (local $wv v128) (local $gv v128) (local $mv v128) (local $vv v128)
    (local $ws f32) (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $i (i32.const 0))
    (block $vd (loop $vl
      (br_if $vd (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
      (local.set $off (i32.shl (local.get $i) (i32.const 2)))
      (local.set $wv (v128.load (i32.add (local.get $w) (local.get $off))))
      (local.set $gv (f32x4.add (v128.load (i32.add (local.get $g) (local.get $off)))
        (f32x4.mul (f32x4.splat (local.get $l2)) (local.get $wv))))
      (local.set $mv (f32x4.add (f32x4.mul (f32x4.splat (local.get $b1)) (v128.load (i32.add (local.get $m) (local.get $off))))
        (f32x4.mul (f32x4.splat (local.get $ob1)) (local.get $gv))))
      (local.set $vv (f32x4.add (f32x4.mul (f32x4.splat (local.get $b2)) (v128.load (i32.add (local.get $v) (local.get $off))))
        (f32x4.mul (f32x4.splat (local.get $ob2)) (f32x4.mul (local.get $gv) (local.get $gv)))))
      (v128.store (i32.add (local.get $m) (local.get $off)) (local.get $mv))
      (v128.store (i32.add (local.get $v) (local.get $off)) (local.get $vv))
      (v128.store (i32.add (local.get $w) (local.get $off))
        (f32x4.sub (f32x4.sub (local.get $wv)
          (f32x4.div (f32x4.mul (f32x4.splat (local.get $lr)) (f32x4.mul (local.get $mv) (f32x4.splat (local.get $c1))))
            (f32x4.add (f32x4.sqrt (f32x4.mul (local.get $vv) (f32x4.splat (local.get $c2)))) (f32x4.splat (local.get $eps)))))
          (f32x4.mul (f32x4.splat (local.get $d)) (local.get $wv))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $off (i32.shl (local.get $i) (i32.const 2)))
      (local.set $ws (f32.load (i32.add (local.get $w) (local.get $off))))
      (local.set $gs (f32.add (f32.load (i32.add (local.get $g) (local.get $off))) (f32.mul (local.get $l2) (local.get $ws))))
      (local.set $ms (f32.add (f32.mul (local.get $b1) (f32.load (i32.add (local.get $m) (local.get $off))))
        (f32.mul (local.get $ob1) (local.get $gs))))
      (local.set $vs (f32.add (f32.mul (local.get $b2) (f32.load (i32.add (local.get $v) (local.get $off))))
        (f32.mul (local.get $ob2) (f32.mul (local.get $gs) (local.get $gs)))))
      (f32.store (i32.add (local.get $m) (local.get $off)) (local.get $ms))
      (f32.store (i32.add (local.get $v) (local.get $off)) (local.get $vs))
      (f32.store (i32.add (local.get $w) (local.get $off))
        (f32.sub (f32.sub (local.get $ws)
          (f32.div (f32.mul (local.get $lr) (f32.mul (local.get $ms) (local.get $c1)))
            (f32.add (f32.sqrt (f32.mul (local.get $vs) (local.get $c2))) (local.get $eps))))
          (f32.mul (local.get $d) (local.get $ws))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sl))))

  ;; ---- Dense epilogue ------------------------------------------------------------------------
  ;; y[rows, cols] = max(y + bias[cols], 0) in place when $relu, else y + bias (bias add fused with
  ;; the ReLU that follows, one pass over y instead of two). cols % 4 == 0 on the vector path.
  (func (export "bias_act") (param $y i32) (param $bias i32) (param $rows i32) (param $cols i32) (param $relu i32)
    (local $r i32) (local $j i32) (local $p i32) (local $x v128) (local $s f32) (local $c4 i32)
    (local.set $c4 (i32.and (local.get $cols) (i32.const -4)))
    (block $rd (loop $rl
      (br_if $rd (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $j (i32.const 0))
      (block $vd (loop $vl
        (br_if $vd (i32.ge_u (local.get $j) (local.get $c4)))
        (local.set $p (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $x (f32x4.add (v128.load (local.get $p))
          (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))))
        (if (local.get $relu) (then (local.set $x (f32x4.max (local.get $x) (v128.const f32x4 0 0 0 0)))))
        (v128.store (local.get $p) (local.get $x))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vl)))
      (block $sd (loop $sl
        (br_if $sd (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $p (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $s (f32.add (f32.load (local.get $p))
          (f32.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))))
        (if (local.get $relu) (then (local.set $s (f32.max (local.get $s) (f32.const 0)))))
        (f32.store (local.get $p) (local.get $s))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $sl)))
      (local.set $y (i32.add (local.get $y) (i32.shl (local.get $cols) (i32.const 2))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rl))))

;; ---- Conv2D epilogue -----------------------------------------------------------------------
  ;; y[b, f, s] = act(c[f, b·size + s] + bias[f]) for b < batch, f < filters, s < size: the GEMM's
  ;; [F, B·OH·OW] output reordered to NCHW with the bias added and, when $relu, the ReLU that follows
  ;; applied (max(·, 0), NaN propagating), in one pass instead of three. $bias = -1: no bias.
  (func (export "conv_epilogue") (param $c i32) (param $y i32) (param $batch i32) (param $filters i32)
    (param $size i32) (param $bias i32) (param $relu i32)
    (local $b i32) (local $f i32) (local $src i32) (local $end i32) (local $vend i32) (local $bv v128)
    (local $x v128) (local $s f32) (local $bs f32)
    (block $bd (loop $bl
      (br_if $bd (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $f (i32.const 0))
      (block $fd (loop $fl
        (br_if $fd (i32.ge_u (local.get $f) (local.get $filters)))
        (local.set $bs (f32.const 0))
        (if (i32.ge_s (local.get $bias) (i32.const 0))
          (then (local.set $bs (f32.load (i32.add (local.get $bias) (i32.shl (local.get $f) (i32.const 2)))))))
        (local.set $bv (f32x4.splat (local.get $bs)))
        (local.set $src (i32.add (local.get $c) (i32.shl (i32.mul (i32.add (i32.mul (local.get $f) (local.get $batch))
          (local.get $b)) (local.get $size)) (i32.const 2))))
        (local.set $end (i32.add (local.get $src) (i32.shl (local.get $size) (i32.const 2))))
        (local.set $vend (i32.add (local.get $src) (i32.shl (i32.and (local.get $size) (i32.const -4)) (i32.const 2))))
        (block $vd (loop $vl
          (br_if $vd (i32.ge_u (local.get $src) (local.get $vend)))
          (local.set $x (f32x4.add (v128.load (local.get $src)) (local.get $bv)))
          (if (local.get $relu) (then (local.set $x (f32x4.max (local.get $x) (v128.const f32x4 0 0 0 0)))))
          (v128.store (local.get $y) (local.get $x))
          (local.set $src (i32.add (local.get $src) (i32.const 16)))
          (local.set $y (i32.add (local.get $y) (i32.const 16)))
          (br $vl)))
        (block $sd (loop $sl
          (br_if $sd (i32.ge_u (local.get $src) (local.get $end)))
          (local.set $s (f32.add (f32.load (local.get $src)) (local.get $bs)))
          (if (local.get $relu) (then (local.set $s (f32.max (local.get $s) (f32.const 0)))))
          (f32.store (local.get $y) (local.get $s))
          (local.set $src (i32.add (local.get $src) (i32.const 4)))
          (local.set $y (i32.add (local.get $y) (i32.const 4)))
          (br $sl)))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $fl)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bl))))

;; ---- Conv2D output gradient -------------------------------------------------------------------
  ;; c[f, b·size + s] = dy[b, f, s]: the NCHW gradient reordered to the GEMMs' [F, B·OH·OW] (the
  ;; inverse of conv_epilogue's reorder), and when $sums >= 0, the bias gradient in the same pass:
  ;; sums[f] += Σ_s dy[b, f, s] for each plane, summed in float64 (two f64x2 sums, so four partial
  ;; sums per plane; the TypeScript loop sums in one float64) and added to the float32 sum once per plane.
  (func (export "conv_output_gradient") (param $dy i32) (param $c i32) (param $batch i32) (param $filters i32)
    (param $size i32) (param $sums i32)
    (local $b i32) (local $f i32) (local $dst i32) (local $end i32) (local $vend i32) (local $v v128)
    (local $lo v128) (local $hi v128) (local $s f64) (local $p i32)
    (block $bd (loop $bl
      (br_if $bd (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $f (i32.const 0))
      (block $fd (loop $fl
        (br_if $fd (i32.ge_u (local.get $f) (local.get $filters)))
        (local.set $dst (i32.add (local.get $c) (i32.shl (i32.mul (i32.add (i32.mul (local.get $f) (local.get $batch))
          (local.get $b)) (local.get $size)) (i32.const 2))))
        (local.set $end (i32.add (local.get $dy) (i32.shl (local.get $size) (i32.const 2))))
        (local.set $vend (i32.add (local.get $dy) (i32.shl (i32.and (local.get $size) (i32.const -4)) (i32.const 2))))
        (local.set $lo (v128.const f64x2 0 0))
        (local.set $hi (v128.const f64x2 0 0))
        (block $vd (loop $vl
          (br_if $vd (i32.ge_u (local.get $dy) (local.get $vend)))
          (local.set $v (v128.load (local.get $dy)))
          (v128.store (local.get $dst) (local.get $v))
          (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
          (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
          (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br $vl)))
        (local.set $lo (f64x2.add (local.get $lo) (local.get $hi)))
        (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo))))
        (block $sd (loop $sl
          (br_if $sd (i32.ge_u (local.get $dy) (local.get $end)))
          (f32.store (local.get $dst) (f32.load (local.get $dy)))
          (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.load (local.get $dy)))))
          (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
          (br $sl)))
        (if (i32.ge_s (local.get $sums) (i32.const 0))
          (then
            (local.set $p (i32.add (local.get $sums) (i32.shl (local.get $f) (i32.const 2))))
            (f32.store (local.get $p) (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (local.get $p))) (local.get $s))))))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $fl)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bl))))

  ;; ---- direct convolution (stride 1, no padding), four filters × eight outputs at a time -------
  ;; y[b, g + j, oy, ox..ox+7] = act(Σ_{c,ky,kx} w[g + j, c, ky, kx] · x[b, c, oy + ky, ox + kx .. +7] + bias)
  ;; for every group of four filters g (F % 4 == 0) and every 8 outputs along a row (OW % 8 == 0). The
  ;; weights come as $w4 = [F/4][C·KH·KW][4] floats, the bias as $b4 = [F] v128, so the inner step is
  ;; two unaligned loads of x and four broadcast-loads of weights into eight accumulators: the GEMM
  ;; micro-kernel's shape, 14 live values, which TurboFan keeps in registers (eight filters × four
  ;; outputs held 17 and spilled: see the micro-kernel's note). No columns are built: for small
  ;; C·KH·KW (M2's first layer, k = 25) im2col + GEMM spends more on packing 36,864 columns than on
  ;; multiplying. $relu: the ReLU that follows, fused.
  (func (export "conv_direct") (param $x i32) (param $w4 i32) (param $b4 i32) (param $y i32) (param $batch i32)
    (param $filters i32) (param $relu i32) (param $geo i32)
    (local $C i32) (local $H i32) (local $W i32) (local $KH i32) (local $KW i32) (local $OH i32) (local $OW i32)
    (local $b i32) (local $g i32) (local $oy i32) (local $ox i32) (local $c i32) (local $ky i32) (local $kx i32)
    (local $xrow i32) (local $wp i32) (local $x0 v128) (local $x1 v128) (local $wv v128) (local $out i32)
    (local $plane i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $C (i32.load (local.get $geo)))
    (local.set $H (i32.load offset=4 (local.get $geo)))
    (local.set $W (i32.load offset=8 (local.get $geo)))
    (local.set $KH (i32.load offset=12 (local.get $geo)))
    (local.set $KW (i32.load offset=16 (local.get $geo)))
    (local.set $OH (i32.load offset=36 (local.get $geo)))
    (local.set $OW (i32.load offset=40 (local.get $geo)))
    (local.set $plane (i32.shl (i32.mul (local.get $OH) (local.get $OW)) (i32.const 2)))
    (block $bd (loop $bl
      (br_if $bd (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $g (i32.const 0))
      (block $gd (loop $gl
        (br_if $gd (i32.ge_u (local.get $g) (local.get $filters)))
        (local.set $oy (i32.const 0))
        (block $yd (loop $yl
          (br_if $yd (i32.ge_u (local.get $oy) (local.get $OH)))
          (local.set $ox (i32.const 0))
          (block $xd (loop $xl
            (br_if $xd (i32.ge_u (local.get $ox) (local.get $OW)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $a1 (v128.const f32x4 0 0 0 0))
            (local.set $a2 (v128.const f32x4 0 0 0 0))
            (local.set $a3 (v128.const f32x4 0 0 0 0))
            (local.set $a4 (v128.const f32x4 0 0 0 0))
            (local.set $a5 (v128.const f32x4 0 0 0 0))
            (local.set $a6 (v128.const f32x4 0 0 0 0))
            (local.set $a7 (v128.const f32x4 0 0 0 0))
            ;; weights of this group: $g/4 groups of C·KH·KW taps × 4 floats
            (local.set $wp (i32.add (local.get $w4) (i32.shl (i32.mul (local.get $g) (i32.mul (local.get $C)
              (i32.mul (local.get $KH) (local.get $KW)))) (i32.const 2))))
            (local.set $c (i32.const 0))
            (block $cd (loop $cl
              (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
              (local.set $ky (i32.const 0))
              (block $kyd (loop $kyl
                (br_if $kyd (i32.ge_u (local.get $ky) (local.get $KH)))
                (local.set $xrow (i32.add (local.get $x) (i32.shl (i32.add (i32.mul (i32.add (i32.mul
                  (i32.add (i32.mul (local.get $b) (local.get $C)) (local.get $c)) (local.get $H))
                  (i32.add (local.get $oy) (local.get $ky))) (local.get $W)) (local.get $ox)) (i32.const 2))))
                (local.set $kx (i32.const 0))
                (block $kxd (loop $kxl
                  (br_if $kxd (i32.ge_u (local.get $kx) (local.get $KW)))
                  (local.set $x0 (v128.load (local.get $xrow)))
                  (local.set $x1 (v128.load offset=16 (local.get $xrow)))
                  ;; a(2j), a(2j+1): filter g + j on outputs ox..ox+3 and ox+4..ox+7
                  (local.set $wv (v128.load32_splat (local.get $wp)))
                  (local.set $a0 (f32x4.madd (local.get $wv) (local.get $x0) (local.get $a0)))
                  (local.set $a1 (f32x4.madd (local.get $wv) (local.get $x1) (local.get $a1)))
                  (local.set $wv (v128.load32_splat offset=4 (local.get $wp)))
                  (local.set $a2 (f32x4.madd (local.get $wv) (local.get $x0) (local.get $a2)))
                  (local.set $a3 (f32x4.madd (local.get $wv) (local.get $x1) (local.get $a3)))
                  (local.set $wv (v128.load32_splat offset=8 (local.get $wp)))
                  (local.set $a4 (f32x4.madd (local.get $wv) (local.get $x0) (local.get $a4)))
                  (local.set $a5 (f32x4.madd (local.get $wv) (local.get $x1) (local.get $a5)))
                  (local.set $wv (v128.load32_splat offset=12 (local.get $wp)))
                  (local.set $a6 (f32x4.madd (local.get $wv) (local.get $x0) (local.get $a6)))
                  (local.set $a7 (f32x4.madd (local.get $wv) (local.get $x1) (local.get $a7)))
                  (local.set $wp (i32.add (local.get $wp) (i32.const 16)))
                  (local.set $xrow (i32.add (local.get $xrow) (i32.const 4)))
                  (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
                  (br $kxl)))
                (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                (br $kyl)))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $cl)))
            ;; the bias after the sum, as the GEMM path's epilogue adds it: the same roundings
            (local.set $wp (i32.add (local.get $b4) (i32.shl (local.get $g) (i32.const 4))))
            (local.set $wv (v128.load (local.get $wp)))
            (local.set $a0 (f32x4.add (local.get $a0) (local.get $wv)))
            (local.set $a1 (f32x4.add (local.get $a1) (local.get $wv)))
            (local.set $wv (v128.load offset=16 (local.get $wp)))
            (local.set $a2 (f32x4.add (local.get $a2) (local.get $wv)))
            (local.set $a3 (f32x4.add (local.get $a3) (local.get $wv)))
            (local.set $wv (v128.load offset=32 (local.get $wp)))
            (local.set $a4 (f32x4.add (local.get $a4) (local.get $wv)))
            (local.set $a5 (f32x4.add (local.get $a5) (local.get $wv)))
            (local.set $wv (v128.load offset=48 (local.get $wp)))
            (local.set $a6 (f32x4.add (local.get $a6) (local.get $wv)))
            (local.set $a7 (f32x4.add (local.get $a7) (local.get $wv)))
            (if (local.get $relu)
              (then
                (local.set $a0 (f32x4.max (local.get $a0) (v128.const f32x4 0 0 0 0)))
                (local.set $a1 (f32x4.max (local.get $a1) (v128.const f32x4 0 0 0 0)))
                (local.set $a2 (f32x4.max (local.get $a2) (v128.const f32x4 0 0 0 0)))
                (local.set $a3 (f32x4.max (local.get $a3) (v128.const f32x4 0 0 0 0)))
                (local.set $a4 (f32x4.max (local.get $a4) (v128.const f32x4 0 0 0 0)))
                (local.set $a5 (f32x4.max (local.get $a5) (v128.const f32x4 0 0 0 0)))
                (local.set $a6 (f32x4.max (local.get $a6) (v128.const f32x4 0 0 0 0)))
                (local.set $a7 (f32x4.max (local.get $a7) (v128.const f32x4 0 0 0 0)))))
            ;; y[b, g + j, oy, ox..ox+7]
            (local.set $out (i32.add (local.get $y) (i32.shl (i32.add (i32.mul (i32.add (i32.mul
              (i32.add (i32.mul (local.get $b) (local.get $filters)) (local.get $g)) (local.get $OH)) (local.get $oy))
              (local.get $OW)) (local.get $ox)) (i32.const 2))))
            (v128.store (local.get $out) (local.get $a0))
            (v128.store offset=16 (local.get $out) (local.get $a1))
            (local.set $out (i32.add (local.get $out) (local.get $plane)))
            (v128.store (local.get $out) (local.get $a2))
            (v128.store offset=16 (local.get $out) (local.get $a3))
            (local.set $out (i32.add (local.get $out) (local.get $plane)))
            (v128.store (local.get $out) (local.get $a4))
            (v128.store offset=16 (local.get $out) (local.get $a5))
            (local.set $out (i32.add (local.get $out) (local.get $plane)))
            (v128.store (local.get $out) (local.get $a6))
            (v128.store offset=16 (local.get $out) (local.get $a7))
            (local.set $ox (i32.add (local.get $ox) (i32.const 8)))
            (br $xl)))
          (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
          (br $yl)))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (br $gl)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bl))))

    ;; y[i] += x[i] over n floats (adding a second thread's gradients).
  (func (export "add") (param $x i32) (param $y i32) (param $n i32)
    (local $end i32) (local $vend i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vend (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vd (loop $vl
      (br_if $vd (i32.ge_u (local.get $x) (local.get $vend)))
      (v128.store (local.get $y) (f32x4.add (v128.load (local.get $y)) (v128.load (local.get $x))))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (local.set $y (i32.add (local.get $y) (i32.const 16)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $x) (local.get $end)))
      (f32.store (local.get $y) (f32.add (f32.load (local.get $y)) (f32.load (local.get $x))))
      (local.set $x (i32.add (local.get $x) (i32.const 4)))
      (local.set $y (i32.add (local.get $y) (i32.const 4)))
      (br $sl))))

  ;; out[cols] += Σ_rows x[rows, cols] (Dense bias gradient), f32x4 over columns (cols % 4 tail scalar).
  (func (export "sum_rows") (param $x i32) (param $rows i32) (param $cols i32) (param $out i32)
    (local $r i32) (local $j i32) (local $p i32) (local $c4 i32) (local $row i32)
    (local.set $c4 (i32.and (local.get $cols) (i32.const -4)))
    (block $rd (loop $rl
      (br_if $rd (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $row (i32.add (local.get $x) (i32.shl (i32.mul (local.get $r) (local.get $cols)) (i32.const 2))))
      (local.set $j (i32.const 0))
      (block $vd (loop $vl
        (br_if $vd (i32.ge_u (local.get $j) (local.get $c4)))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p))
          (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vl)))
      (block $sd (loop $sl
        (br_if $sd (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        (f32.store (local.get $p) (f32.add (f32.load (local.get $p))
          (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $sl)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rl))))

  ;; Σ x[i]² over n floats, accumulated in float64, for the global gradient norm. Four f64x2 sums
  ;; over eight floats a step: with two, each step waited on the adds of the one before (latency, not
  ;; bandwidth, bound: ~1 cycle per float); f32 squares are exact in f64, so only the sum's order of
  ;; rounding changes (~1e-16 relative).
  (func (export "sum_squares") (param $x i32) (param $n i32) (result f64)
    (local $end i32) (local $vend i32) (local $v v128) (local $a v128) (local $b v128) (local $c v128)
    (local $d v128) (local $s f64)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vend (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 2))))
    (block $vd (loop $vl
      (br_if $vd (i32.ge_u (local.get $x) (local.get $vend)))
      (local.set $v (v128.load (local.get $x)))
      (local.set $a (f64x2.add (local.get $a) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v))
        (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $v (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
      (local.set $b (f64x2.add (local.get $b) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v))
        (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $v (v128.load offset=16 (local.get $x)))
      (local.set $c (f64x2.add (local.get $c) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v))
        (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $v (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
      (local.set $d (f64x2.add (local.get $d) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v))
        (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $x (i32.add (local.get $x) (i32.const 32)))
      (br $vl)))
    (local.set $a (f64x2.add (f64x2.add (local.get $a) (local.get $b)) (f64x2.add (local.get $c) (local.get $d))))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $x) (local.get $end)))
      (local.set $s (f64.add (local.get $s) (f64.mul (f64.promote_f32 (f32.load (local.get $x)))
        (f64.promote_f32 (f32.load (local.get $x))))))
      (local.set $x (i32.add (local.get $x) (i32.const 4)))
      (br $sl)))
    (local.get $s))

  ;; ---- im2col ----------------------------------------------------------------------------------
  ;; col[C·KH·KW, colStride] (floats; sample b's block starts at column b·OH·OW) ← the receptive fields
  ;; of x[batch, C, H, W], as engine/kernels/im2col.ts does it, straight into the GEMM's B operand so
  ;; the columns (KH·KW times the input: 3.7 MB for M2's first layer) never leave this memory.
  ;; $geo points at 11 i32: C, H, W, KH, KW, strideH, strideW, padTop, padLeft, OH, OW.
  (func (export "im2col") (param $x i32) (param $col i32) (param $batch i32) (param $colStride i32) (param $geo i32)
    (local $C i32) (local $H i32) (local $W i32) (local $KH i32) (local $KW i32) (local $sh i32) (local $sw i32)
    (local $pt i32) (local $pl i32) (local $OH i32) (local $OW i32)
    (local $b i32) (local $c i32) (local $ky i32) (local $kx i32) (local $oy i32) (local $ox i32) (local $iy i32)
    (local $row i32) (local $plane i32) (local $dst i32) (local $src i32) (local $lo i32) (local $hi i32)
    (local $first i32) (local $num i32) (local $xb i32) (local $end4 i32)
    (local.set $C (i32.load (local.get $geo)))
    (local.set $H (i32.load offset=4 (local.get $geo)))
    (local.set $W (i32.load offset=8 (local.get $geo)))
    (local.set $KH (i32.load offset=12 (local.get $geo)))
    (local.set $KW (i32.load offset=16 (local.get $geo)))
    (local.set $sh (i32.load offset=20 (local.get $geo)))
    (local.set $sw (i32.load offset=24 (local.get $geo)))
    (local.set $pt (i32.load offset=28 (local.get $geo)))
    (local.set $pl (i32.load offset=32 (local.get $geo)))
    (local.set $OH (i32.load offset=36 (local.get $geo)))
    (local.set $OW (i32.load offset=40 (local.get $geo)))
    (block $bd (loop $bl
      (br_if $bd (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $xb (i32.add (local.get $x) (i32.shl (i32.mul (local.get $b) (i32.mul (local.get $C)
        (i32.mul (local.get $H) (local.get $W)))) (i32.const 2))))
      (local.set $row (i32.add (local.get $col) (i32.shl (i32.mul (local.get $b) (i32.mul (local.get $OH) (local.get $OW)))
        (i32.const 2))))
      (local.set $c (i32.const 0))
      (block $cd (loop $cl
        (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
        (local.set $plane (i32.add (local.get $xb) (i32.shl (i32.mul (local.get $c) (i32.mul (local.get $H) (local.get $W)))
          (i32.const 2))))
        (local.set $ky (i32.const 0))
        (block $kyd (loop $kyl
          (br_if $kyd (i32.ge_u (local.get $ky) (local.get $KH)))
          (local.set $kx (i32.const 0))
          (block $kxd (loop $kxl
            (br_if $kxd (i32.ge_u (local.get $kx) (local.get $KW)))
            ;; output columns [lo, hi) read inside the image: 0 ≤ ox·sw − pl + kx < W
            (local.set $first (i32.sub (local.get $pl) (local.get $kx)))
            (local.set $lo (i32.const 0))
            (if (i32.gt_s (local.get $first) (i32.const 0))
              (then (local.set $lo (i32.div_u (i32.add (local.get $first) (i32.sub (local.get $sw) (i32.const 1)))
                (local.get $sw)))))
            (if (i32.gt_s (local.get $lo) (local.get $OW)) (then (local.set $lo (local.get $OW))))
            (local.set $num (i32.add (i32.sub (local.get $W) (i32.const 1)) (local.get $first)))
            (local.set $hi (i32.const 0))
            (if (i32.ge_s (local.get $num) (i32.const 0))
              (then (local.set $hi (i32.add (i32.div_u (local.get $num) (local.get $sw)) (i32.const 1)))))
            (if (i32.gt_s (local.get $hi) (local.get $OW)) (then (local.set $hi (local.get $OW))))
            (if (i32.lt_s (local.get $hi) (local.get $lo)) (then (local.set $hi (local.get $lo))))
            (local.set $oy (i32.const 0))
            (local.set $dst (local.get $row))
            (block $oyd (loop $oyl
              (br_if $oyd (i32.ge_u (local.get $oy) (local.get $OH)))
              (local.set $iy (i32.add (i32.sub (i32.mul (local.get $oy) (local.get $sh)) (local.get $pt)) (local.get $ky)))
              (if (i32.or (i32.lt_s (local.get $iy) (i32.const 0)) (i32.ge_s (local.get $iy) (local.get $H)))
                (then (memory.fill (local.get $dst) (i32.const 0) (i32.shl (local.get $OW) (i32.const 2))))
                (else
                  ;; src addresses input column ox·sw − pl + kx of row iy, read only for ox in [lo, hi)
                  (local.set $src (i32.add (local.get $plane) (i32.shl (i32.sub (i32.add (i32.mul (local.get $iy) (local.get $W))
                    (local.get $kx)) (local.get $pl)) (i32.const 2))))
                  (if (local.get $lo) (then (memory.fill (local.get $dst) (i32.const 0) (i32.shl (local.get $lo) (i32.const 2)))))
                  (local.set $ox (local.get $lo))
                  (if (i32.eq (local.get $sw) (i32.const 1))
                    (then
                      (local.set $end4 (i32.sub (local.get $hi) (i32.const 3)))
                      (block $vd (loop $vl
                        (br_if $vd (i32.ge_s (local.get $ox) (local.get $end4)))
                        (v128.store (i32.add (local.get $dst) (i32.shl (local.get $ox) (i32.const 2)))
                          (v128.load (i32.add (local.get $src) (i32.shl (local.get $ox) (i32.const 2)))))
                        (local.set $ox (i32.add (local.get $ox) (i32.const 4)))
                        (br $vl)))))
                  (block $sd (loop $sl
                    (br_if $sd (i32.ge_s (local.get $ox) (local.get $hi)))
                    (f32.store (i32.add (local.get $dst) (i32.shl (local.get $ox) (i32.const 2)))
                      (f32.load (i32.add (local.get $src) (i32.shl (i32.mul (local.get $ox) (local.get $sw)) (i32.const 2)))))
                    (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
                    (br $sl)))
                  (if (i32.lt_s (local.get $hi) (local.get $OW))
                    (then (memory.fill (i32.add (local.get $dst) (i32.shl (local.get $hi) (i32.const 2))) (i32.const 0)
                      (i32.shl (i32.sub (local.get $OW) (local.get $hi)) (i32.const 2)))))))
              (local.set $dst (i32.add (local.get $dst) (i32.shl (local.get $OW) (i32.const 2))))
              (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
              (br $oyl)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $colStride) (i32.const 2))))
            (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
            (br $kxl)))
          (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
          (br $kyl)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cl)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bl))))

  ;; dx[batch, C, H, W] += the adjoint of im2col of col (engine/kernels/im2col.ts col2im), same layout
  ;; and geometry block; dx must be zeroed first. The input gradient of Conv2D, straight from the GEMM's C.
  (func (export "col2im") (param $x i32) (param $col i32) (param $batch i32) (param $colStride i32) (param $geo i32)
    (local $C i32) (local $H i32) (local $W i32) (local $KH i32) (local $KW i32) (local $sh i32) (local $sw i32)
    (local $pt i32) (local $pl i32) (local $OH i32) (local $OW i32)
    (local $b i32) (local $c i32) (local $ky i32) (local $kx i32) (local $oy i32) (local $ox i32) (local $iy i32)
    (local $row i32) (local $plane i32) (local $dst i32) (local $src i32) (local $lo i32) (local $hi i32)
    (local $first i32) (local $num i32) (local $xb i32) (local $end4 i32)
    (local.set $C (i32.load (local.get $geo)))
    (local.set $H (i32.load offset=4 (local.get $geo)))
    (local.set $W (i32.load offset=8 (local.get $geo)))
    (local.set $KH (i32.load offset=12 (local.get $geo)))
    (local.set $KW (i32.load offset=16 (local.get $geo)))
    (local.set $sh (i32.load offset=20 (local.get $geo)))
    (local.set $sw (i32.load offset=24 (local.get $geo)))
    (local.set $pt (i32.load offset=28 (local.get $geo)))
    (local.set $pl (i32.load offset=32 (local.get $geo)))
    (local.set $OH (i32.load offset=36 (local.get $geo)))
    (local.set $OW (i32.load offset=40 (local.get $geo)))
    (block $bd (loop $bl
      (br_if $bd (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $xb (i32.add (local.get $x) (i32.shl (i32.mul (local.get $b) (i32.mul (local.get $C)
        (i32.mul (local.get $H) (local.get $W)))) (i32.const 2))))
      (local.set $row (i32.add (local.get $col) (i32.shl (i32.mul (local.get $b) (i32.mul (local.get $OH) (local.get $OW)))
        (i32.const 2))))
      (local.set $c (i32.const 0))
      (block $cd (loop $cl
        (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
        (local.set $plane (i32.add (local.get $xb) (i32.shl (i32.mul (local.get $c) (i32.mul (local.get $H) (local.get $W)))
          (i32.const 2))))
        (local.set $ky (i32.const 0))
        (block $kyd (loop $kyl
          (br_if $kyd (i32.ge_u (local.get $ky) (local.get $KH)))
          (local.set $kx (i32.const 0))
          (block $kxd (loop $kxl
            (br_if $kxd (i32.ge_u (local.get $kx) (local.get $KW)))
            ;; output columns [lo, hi) read inside the image: 0 ≤ ox·sw − pl + kx < W
            (local.set $first (i32.sub (local.get $pl) (local.get $kx)))
            (local.set $lo (i32.const 0))
            (if (i32.gt_s (local.get $first) (i32.const 0))
              (then (local.set $lo (i32.div_u (i32.add (local.get $first) (i32.sub (local.get $sw) (i32.const 1)))
                (local.get $sw)))))
            (if (i32.gt_s (local.get $lo) (local.get $OW)) (then (local.set $lo (local.get $OW))))
            (local.set $num (i32.add (i32.sub (local.get $W) (i32.const 1)) (local.get $first)))
            (local.set $hi (i32.const 0))
            (if (i32.ge_s (local.get $num) (i32.const 0))
              (then (local.set $hi (i32.add (i32.div_u (local.get $num) (local.get $sw)) (i32.const 1)))))
            (if (i32.gt_s (local.get $hi) (local.get $OW)) (then (local.set $hi (local.get $OW))))
            (if (i32.lt_s (local.get $hi) (local.get $lo)) (then (local.set $hi (local.get $lo))))
            (local.set $oy (i32.const 0))
            (local.set $dst (local.get $row))
            (block $oyd (loop $oyl
              (br_if $oyd (i32.ge_u (local.get $oy) (local.get $OH)))
              (local.set $iy (i32.add (i32.sub (i32.mul (local.get $oy) (local.get $sh)) (local.get $pt)) (local.get $ky)))
              (if (i32.and (i32.ge_s (local.get $iy) (i32.const 0)) (i32.lt_s (local.get $iy) (local.get $H)))
                (then
                  ;; src addresses input column ox·sw − pl + kx of row iy, read only for ox in [lo, hi)
                  (local.set $src (i32.add (local.get $plane) (i32.shl (i32.sub (i32.add (i32.mul (local.get $iy) (local.get $W))
                    (local.get $kx)) (local.get $pl)) (i32.const 2))))
                  (local.set $ox (local.get $lo))
                  (if (i32.eq (local.get $sw) (i32.const 1))
                    (then
                      (block $vd (loop $vl
                        (br_if $vd (i32.ge_s (local.get $ox) (i32.sub (local.get $hi) (i32.const 3))))
                        (local.set $end4 (i32.add (local.get $src) (i32.shl (local.get $ox) (i32.const 2))))
                        (v128.store (local.get $end4) (f32x4.add (v128.load (local.get $end4))
                          (v128.load (i32.add (local.get $dst) (i32.shl (local.get $ox) (i32.const 2))))))
                        (local.set $ox (i32.add (local.get $ox) (i32.const 4)))
                        (br $vl)))))
                  (block $sd (loop $sl
                    (br_if $sd (i32.ge_s (local.get $ox) (local.get $hi)))
                    (local.set $num (i32.add (local.get $src) (i32.shl (i32.mul (local.get $ox) (local.get $sw)) (i32.const 2))))
                    (f32.store (local.get $num) (f32.add (f32.load (local.get $num))
                      (f32.load (i32.add (local.get $dst) (i32.shl (local.get $ox) (i32.const 2))))))
                    (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
                    (br $sl)))
                  ))
              (local.set $dst (i32.add (local.get $dst) (i32.shl (local.get $OW) (i32.const 2))))
              (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
              (br $oyl)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $colStride) (i32.const 2))))
            (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
            (br $kxl)))
          (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
          (br $kyl)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cl)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bl))))

  ;; ---- one row times a matrix (batch-1 inference) --------------------------------------------
  ;; c[n] = alpha · Σ_q a[q] · B[q, :] with B [kk, n] row-major: an f32x4 axpy per row of B, no
  ;; packing (a 4-row micro-kernel would waste three quarters of its work on one row).
  (func (export "gemv") (param $kk i32) (param $n i32) (param $alpha f32) (param $a i32) (param $b i32)
    (param $c i32)
    (local $q i32) (local $j i32) (local $av v128) (local $s f32) (local $n4 i32) (local $row i32)
    (local $cj i32)
    (memory.fill (local.get $c) (i32.const 0) (i32.shl (local.get $n) (i32.const 2)))
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $qd (loop $ql
      (br_if $qd (i32.ge_u (local.get $q) (local.get $kk)))
      (local.set $s (f32.mul (local.get $alpha) (f32.load (i32.add (local.get $a) (i32.shl (local.get $q) (i32.const 2))))))
      (local.set $av (f32x4.splat (local.get $s)))
      (local.set $row (i32.add (local.get $b) (i32.shl (i32.mul (local.get $q) (local.get $n)) (i32.const 2))))
      (local.set $j (i32.const 0))
      (block $vd (loop $vl
        (br_if $vd (i32.ge_u (local.get $j) (local.get $n4)))
        (local.set $cj (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $cj) (f32x4.madd (local.get $av)
          (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (v128.load (local.get $cj))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vl)))
      (block $sd (loop $sl
        (br_if $sd (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $cj (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
        (f32.store (local.get $cj) (f32.add (f32.load (local.get $cj))
          (f32.mul (local.get $s) (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $sl)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $ql))))

  ;; ---- GEMM driver -----------------------------------------------------------------------------
  ;; C = alpha·op(A)·op(B) + beta·C with A, B, C already in memory at $a, $b, $c (row-major,
  ;; contiguous) and 606,400 + 4·k bytes of work area at $work.
  (func (export "gemm") (param $transA i32) (param $transB i32) (param $m i32) (param $n i32) (param $k i32)
    (param $alpha f32) (param $a i32) (param $b i32) (param $beta f32) (param $c i32) (param $work i32)
    (local $packA i32) (local $packB i32) (local $edge i32) (local $flags i32) (local $ks i32)
    (local $live i32) (local $jc i32) (local $nc i32) (local $pc i32) (local $kc i32)
    (local $ic i32) (local $mc i32) (local $jr i32) (local $ir i32) (local $rows i32) (local $cols i32)
    (local $pbp i32) (local $cp i32) (local $r i32) (local $q i32) (local $i i32) (local $len i32)
    (local $ldc i32) (local $idx i32) (local $mode i32)
    (if (i32.or (i32.eqz (local.get $m)) (i32.eqz (local.get $n))) (then (return)))
    ;; C = beta·C
    (local.set $len (i32.mul (local.get $m) (local.get $n)))
    (if (f32.eq (local.get $beta) (f32.const 0))
      (then (memory.fill (local.get $c) (i32.const 0) (i32.shl (local.get $len) (i32.const 2))))
      (else (if (f32.ne (local.get $beta) (f32.const 1))
        (then
          (local.set $i (local.get $c))
          (local.set $len (i32.add (local.get $c) (i32.shl (local.get $len) (i32.const 2))))
          (block $sd (loop $sl
            (br_if $sd (i32.ge_u (local.get $i) (local.get $len)))
            (f32.store (local.get $i) (f32.mul (f32.load (local.get $i)) (local.get $beta)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $sl)))))))
    (if (i32.or (i32.eqz (local.get $k)) (f32.eq (local.get $alpha) (f32.const 0))) (then (return)))
    (local.set $packA (local.get $work))
    (local.set $packB (i32.add (local.get $work) (i32.const 65536)))
    (local.set $edge (i32.add (local.get $packB) (i32.const 524288)))
    (local.set $flags (i32.add (local.get $edge) (i32.const 128)))
    (local.set $idx (i32.add (local.get $flags) (i32.const 64)))
    (local.set $ks (i32.add (local.get $idx) (i32.const 16384)))
    (local.set $ldc (i32.shl (local.get $n) (i32.const 2)))
    (local.set $live (call $live_k (local.get $transA) (local.get $a) (local.get $m) (local.get $k) (local.get $ks)))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $jc) (local.get $n)))
      (local.set $nc (i32.sub (local.get $n) (local.get $jc)))
      (if (i32.gt_s (local.get $nc) (i32.const 512)) (then (local.set $nc (i32.const 512))))
      (local.set $pc (i32.const 0))
      (block $pd (loop $pl
        (br_if $pd (i32.ge_u (local.get $pc) (local.get $live)))
        (local.set $kc (i32.sub (local.get $live) (local.get $pc)))
        (if (i32.gt_s (local.get $kc) (i32.const 256)) (then (local.set $kc (i32.const 256))))
        (call $pack_b (local.get $transB) (local.get $b) (local.get $k) (local.get $n)
          (i32.add (local.get $ks) (i32.shl (local.get $pc) (i32.const 2)))
          (local.get $jc) (local.get $nc) (local.get $kc) (local.get $packB))
        (local.set $ic (i32.const 0))
        (block $id (loop $il
          (br_if $id (i32.ge_u (local.get $ic) (local.get $m)))
          (local.set $mc (i32.sub (local.get $m) (local.get $ic)))
          (if (i32.gt_s (local.get $mc) (i32.const 64)) (then (local.set $mc (i32.const 64))))
          (call $pack_a (local.get $transA) (local.get $a) (local.get $m) (local.get $k)
            (i32.add (local.get $ks) (i32.shl (local.get $pc) (i32.const 2)))
            (local.get $ic) (local.get $mc) (local.get $kc) (local.get $packA) (local.get $flags)
            (local.get $idx))
          (local.set $jr (i32.const 0))
          (block $jrd (loop $jrl
            (br_if $jrd (i32.ge_u (local.get $jr) (local.get $nc)))
            (local.set $cols (i32.sub (local.get $nc) (local.get $jr)))
            (if (i32.gt_s (local.get $cols) (i32.const 8)) (then (local.set $cols (i32.const 8))))
            (local.set $pbp (i32.add (local.get $packB) (i32.shl (i32.mul (local.get $jr) (local.get $kc)) (i32.const 2))))
            (local.set $ir (i32.const 0))
            (block $ird (loop $irl
              (br_if $ird (i32.ge_u (local.get $ir) (local.get $mc)))
              (local.set $mode (i32.load (i32.add (local.get $flags) (local.get $ir))))
              (if (local.get $mode)
                (then
                  (local.set $rows (i32.sub (local.get $mc) (local.get $ir)))
                  (if (i32.gt_s (local.get $rows) (i32.const 4)) (then (local.set $rows (i32.const 4))))
                  (local.set $cp (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir))
                    (local.get $n)) (i32.add (local.get $jc) (local.get $jr))) (i32.const 2))))
                  (if (i32.and (i32.eq (local.get $rows) (i32.const 4)) (i32.eq (local.get $cols) (i32.const 8)))
                    (then
                      (call $tile (local.get $mode) (local.get $kc) (i32.add (local.get $packA) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 2)))
                        (local.get $pbp) (i32.add (local.get $idx) (i32.shl (local.get $ir) (i32.const 8)))
                        (local.get $cp) (local.get $ldc) (local.get $alpha)))
                    (else
                      ;; edge tile: compute into scratch, add only the valid part
                      (memory.fill (local.get $edge) (i32.const 0) (i32.const 128))
                      (call $tile (local.get $mode) (local.get $kc) (i32.add (local.get $packA) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 2)))
                        (local.get $pbp) (i32.add (local.get $idx) (i32.shl (local.get $ir) (i32.const 8)))
                        (local.get $edge) (i32.const 32) (local.get $alpha))
                      (local.set $r (i32.const 0))
                      (block $rd (loop $rl
                        (br_if $rd (i32.ge_u (local.get $r) (local.get $rows)))
                        (local.set $q (i32.const 0))
                        (block $qd (loop $ql
                          (br_if $qd (i32.ge_u (local.get $q) (local.get $cols)))
                          (local.set $i (i32.add (local.get $cp) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $q)) (i32.const 2))))
                          (f32.store (local.get $i) (f32.add (f32.load (local.get $i))
                            (f32.load (i32.add (local.get $edge) (i32.shl (i32.add (i32.shl (local.get $r) (i32.const 3)) (local.get $q)) (i32.const 2))))))
                          (local.set $q (i32.add (local.get $q) (i32.const 1)))
                          (br $ql)))
                        (local.set $r (i32.add (local.get $r) (i32.const 1)))
                        (br $rl)))))))
              (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
              (br $irl)))
            (local.set $jr (i32.add (local.get $jr) (i32.const 8)))
            (br $jrl)))
          (local.set $ic (i32.add (local.get $ic) (i32.const 64)))
          (br $il)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 256)))
        (br $pl)))
      (local.set $jc (i32.add (local.get $jc) (i32.const 512)))
      (br $jl))))
)
