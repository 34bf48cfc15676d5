// ONNX mapping of the fixed-point recurrent layer (engine/recurrent/fixed-point.ts) as an ONNX Loop
// that runs the engine's relaxation step for step:
//   drive = x·Uᵀ + b;  s₀ = f(drive)
//   repeat at most maxIterations times:
//     s' = (1−α)·s + α·f(s·Wᵀ + drive);  residual = max|s' − s| over the whole batch;  s = s'
//   until residual < tolerance
// The body reads W, drive, α and the tolerance from the outer graph; the condition it returns is
// Not(Less(residual, tolerance)), the engine's test exactly (NaN keeps iterating, as in the engine).
// NOTE: the residual is a maximum over the batch, as in the engine, so a sample's iteration count
// depends on the batch it runs in, in both. Results agree within the tolerance either way.

import type { Layer } from '../layer';
import { attr } from './graph-builder';
import { configOf, type MapContext, type Mapped, paramValue, registerOnnxMapper, weight } from './mappers';
import { DataType } from './onnx-proto';

const SQUASH_OPS: Readonly<Record<string, string>> = { tanh: 'Tanh', sigmoid: 'Sigmoid' };

function fixedPoint(layer: Layer, ctx: MapContext): Mapped {
  const config = configOf(layer);
  const w = paramValue(layer, 'W'); // [units, units]
  const u = paramValue(layer, 'U'); // [units, in]
  const b = paramValue(layer, 'b'); // [units]
  const units = w.shape[0];
  const activation = String(config.activation ?? 'tanh');
  const squash = SQUASH_OPS[activation];
  if (squash === undefined)
    throw new Error(`ONNX export: fixedPoint activation '${activation}' has no ONNX op`);
  const damping = Number(config.damping ?? 1);
  const tolerance = Number(config.tolerance ?? 1e-5);
  const maxIterations = Number(config.maxIterations ?? 100);
  const g = ctx.graph;
  const p = ctx.prefix;

  const wName = weight(ctx, 'W', w);
  const drive = g.node(
    'Gemm',
    [ctx.input, weight(ctx, 'U', u), weight(ctx, 'b', b)],
    { transB: attr.int(1) },
    g.unique(`${p}.drive`),
  );
  const s0 = g.node(squash, [drive], undefined, g.unique(`${p}.s0`));
  const tol = g.floats(`${p}.tolerance`, [], [tolerance]);

  // Loop body: (iteration, cond, s) → (cond', s')
  const body = g.subgraph();
  const iter = body.unique(`${p}.iteration`);
  const condIn = body.unique(`${p}.cond_in`);
  const sIn = body.unique(`${p}.s`);
  const pre = body.node('Gemm', [sIn, wName, drive], { transB: attr.int(1) }, body.unique(`${p}.pre`));
  let sNext = body.node(squash, [pre], undefined, body.unique(`${p}.f`));
  if (damping !== 1) {
    const alpha = g.floats(`${p}.damping`, [], [damping]);
    const keep = g.floats(`${p}.keep`, [], [1 - damping]);
    const mixed = body.node('Mul', [sNext, alpha], undefined, body.unique(`${p}.alpha_f`));
    const kept = body.node('Mul', [sIn, keep], undefined, body.unique(`${p}.keep_s`));
    sNext = body.node('Add', [kept, mixed], undefined, body.unique(`${p}.damped`));
  }
  const sOut = body.node('Identity', [sNext], undefined, body.unique(`${p}.s_next`));
  const delta = body.node('Sub', [sOut, sIn], undefined, body.unique(`${p}.delta`));
  const absDelta = body.node('Abs', [delta], undefined, body.unique(`${p}.abs_delta`));
  const residual = body.node(
    'ReduceMax',
    [absDelta],
    { keepdims: attr.int(0) },
    body.unique(`${p}.residual`),
  );
  const converged = body.node('Less', [residual, tol], undefined, body.unique(`${p}.converged`));
  const condOut = body.node('Not', [converged], undefined, body.unique(`${p}.cond_out`));
  const state = { elemType: DataType.FLOAT, shape: [null, units] } as const;
  const bodyGraph = body.graph(
    `${p}.body`,
    [
      { name: iter, elemType: DataType.INT64, shape: [] },
      { name: condIn, elemType: DataType.BOOL, shape: [] },
      { name: sIn, ...state },
    ],
    [
      { name: condOut, elemType: DataType.BOOL, shape: [] },
      { name: sOut, ...state },
    ],
  );

  const tripCount = g.int64s(`${p}.max_iterations`, [], [maxIterations]);
  const start = g.bool(`${p}.start`, true);
  const out = g.unique(p);
  g.multiNode('Loop', [tripCount, start, s0], [out], { body: attr.graph(bodyGraph) });
  return { value: out, shape: [units] };
}

registerOnnxMapper('fixedPoint', fixedPoint);
