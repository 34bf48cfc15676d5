// Bounds on the `{type, config}` specs a training request names: one zod schema per layer, optimizer
// and schedule type, every numeric field bounded, unknown keys refused. They run at the boundary (in
// `trainingSpecSchema`), so a request for a 1,000,000-unit layer is refused in microseconds by main
// instead of being built. The whole network's size is checked by arithmetic on shapes in the core
// (engine/model-shapes.ts: at most 50 M parameters). The static type stays `{type: string, config:
// Record<string, unknown>}` (the engine's LayerSpec); the per-type checks are refinements.

import { z } from 'zod';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** A size, or [height, width]. */
const extent = (max: number) => z.union([int(1, max), z.tuple([int(1, max), int(1, max)])]);
const fraction = z.number().min(0).max(1);
/** Engine initializer names are checked by the engine; this only keeps the string short. */
const initializer = z.string().min(1).max(32);
const none = z.object({}).strict();

export const layerConfigSchemas: Record<string, z.ZodType> = {
  dense: z
    .object({
      units: int(1, 65_536),
      useBias: z.boolean().optional(),
      kernelInitializer: initializer.optional(),
    })
    .strict(),
  conv2d: z
    .object({
      filters: int(1, 1024),
      kernelSize: extent(28),
      strides: extent(28).optional(),
      padding: z.union([z.enum(['same', 'valid']), int(0, 28)]).optional(),
      useBias: z.boolean().optional(),
      kernelInitializer: initializer.optional(),
    })
    .strict(),
  maxpool2d: z.object({ poolSize: int(1, 28).optional(), strides: int(1, 28).optional() }).strict(),
  dropout: z.object({ rate: z.number().min(0).lt(1).optional() }).strict(),
  leakyRelu: z.object({ alpha: fraction.optional() }).strict(),
  batchNorm: z
    .object({ momentum: fraction.optional(), epsilon: z.number().positive().max(1).optional() })
    .strict(),
  fixedPoint: z
    .object({
      units: int(1, 4096),
      activation: z.enum(['tanh', 'sigmoid']).optional(),
      damping: z.number().positive().max(1).optional(),
      tolerance: z.number().positive().max(1).optional(),
      maxIterations: int(1, 1000).optional(),
      spectralRadius: z.number().positive().max(4).optional(),
      onNonConvergence: z.enum(['warn', 'error']).optional(),
    })
    .strict(),
  flatten: none,
  relu: none,
  sigmoid: none,
  tanh: none,
};

const decay = { weightDecay: z.number().min(0).max(1).optional() };
const adam = z
  .object({
    beta1: z.number().min(0).lt(1).optional(),
    beta2: z.number().min(0).lt(1).optional(),
    epsilon: z.number().positive().max(1).optional(),
    ...decay,
  })
  .strict();
const momentum = z.object({ momentum: z.number().min(0).lt(1).optional(), ...decay }).strict();

export const optimizerConfigSchemas: Record<string, z.ZodType> = {
  sgd: z.object(decay).strict(),
  momentum,
  nesterov: momentum,
  adam,
  adamw: adam,
};

const stepSchedule = z
  .object({ stepSize: int(1, 1000).optional(), gamma: z.number().positive().max(1000).optional() })
  .strict();
const cosineSchedule = z.object({ minFactor: fraction.optional() }).strict();
const oneCycleSchedule = z
  .object({
    pctStart: z.number().gt(0).lt(1).optional(),
    divFactor: z.number().min(1).max(1e4).optional(),
    finalDivFactor: z.number().min(1).max(1e6).optional(),
  })
  .strict();
/** What a warm-up hands over to: any schedule but another warm-up. */
const afterWarmup: Record<string, z.ZodType> = {
  constant: none,
  step: stepSchedule,
  cosine: cosineSchedule,
  oneCycle: oneCycleSchedule,
};

export const scheduleConfigSchemas: Record<string, z.ZodType> = {
  ...afterWarmup,
  warmup: z
    .object({
      steps: int(0, 10_000_000).optional(),
      epochs: z.number().min(0).max(1000).optional(),
      startFactor: fraction.optional(),
      after: z
        .object({ type: z.string(), config: z.record(z.string(), z.unknown()) })
        .superRefine(byType('schedule', afterWarmup))
        .optional(),
    })
    .strict(),
};

/** A refinement: `config` must satisfy the schema of its `type`; issues point into `config`. */
function byType(kind: string, schemas: Record<string, z.ZodType>) {
  return (spec: { type: string; config: Record<string, unknown> }, ctx: z.RefinementCtx) => {
    const schema = Object.hasOwn(schemas, spec.type) ? schemas[spec.type] : undefined;
    if (!schema) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `unknown ${kind} type ${JSON.stringify(spec.type)} (known: ${Object.keys(schemas).join(', ')})`,
      });
      return;
    }
    const parsed = schema.safeParse(spec.config);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? `${issue.path.join('.')}` : '';
      ctx.addIssue({
        code: 'custom',
        path: ['config', ...issue.path],
        message: `${spec.type}${key ? ` ${key}` : ''}: ${issue.message}`,
      });
    }
  };
}

const specShape = z.object({ type: z.string().min(1).max(64), config: z.record(z.string(), z.unknown()) });

export const layerSpecSchema = specShape.superRefine(byType('layer', layerConfigSchemas));
export const optimizerSpecSchema = specShape.superRefine(byType('optimizer', optimizerConfigSchemas));
export const scheduleSpecSchema = specShape.superRefine(byType('schedule', scheduleConfigSchemas));
