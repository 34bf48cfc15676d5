import { describe, expect, it } from 'vitest';
import { PRESET_IDS, preset } from '../../engine/presets';
import { contract, dispatch, type Handlers, InvalidRequestError, trainingSpecSchema } from './api';

const spec = (over: Record<string, unknown> = {}) => ({
  datasetId: 'mnist',
  architecture: 'custom',
  layers: [
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 10 } },
  ],
  optimizer: { type: 'adam', config: {} },
  learningRate: 0.001,
  schedule: { type: 'cosine', config: { minFactor: 0.05 } },
  batchSize: 64,
  epochs: 2,
  augmentation: false,
  seed: 1,
  validationSplit: 0.1,
  ...over,
});

/** The first issue's message when `over` is refused, or 'ok'. */
function verdict(over: Record<string, unknown>): string {
  const parsed = trainingSpecSchema.safeParse(spec(over));
  if (parsed.success) return 'ok';
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

const layers = (...list: [string, Record<string, unknown>][]) => ({
  layers: list.map(([type, config]) => ({ type, config })),
});

describe('trainingSpecSchema: every numeric config field is bounded, per type', () => {
  it('takes the loss as cross-entropy or mse, absent by default, and refuses any other', () => {
    expect(verdict({ loss: 'cross-entropy' })).toBe('ok');
    expect(verdict({ loss: 'mse' })).toBe('ok');
    expect(verdict({ loss: 'hinge' })).toMatch(/^loss: /);
    expect(verdict({ loss: '' })).toMatch(/^loss: /);
  });

  it('accepts what the Train form and the presets send', () => {
    expect(verdict({})).toBe('ok');
    expect(
      verdict(
        layers(
          ['conv2d', { filters: 16, kernelSize: 5, strides: 1, padding: 2 }],
          ['maxpool2d', { poolSize: 2 }],
          ['batchNorm', {}],
          ['leakyRelu', {}],
          ['dropout', { rate: 0.25 }],
          ['flatten', {}],
          ['fixedPoint', { units: 64, activation: 'tanh', damping: 1, maxIterations: 100 }],
          ['dense', { units: 10 }],
        ),
      ),
    ).toBe('ok');
    for (const id of PRESET_IDS) {
      const { model, training: t } = preset(id, { classes: 26 });
      const layerList = model.layers.map((l) => ({ type: l.type, config: { ...l.config } }));
      expect(verdict({ layers: layerList, optimizer: t.optimizer, schedule: t.schedule }), id).toBe('ok');
    }
    expect(verdict({ schedule: { type: 'oneCycle', config: { pctStart: 0.2 } } })).toBe('ok');
    expect(
      verdict({
        schedule: {
          type: 'warmup',
          config: { epochs: 1, after: { type: 'cosine', config: { minFactor: 0 } } },
        },
      }),
    ).toBe('ok');
  });

  it('refuses out-of-bounds layer fields, naming the layer, the field and the bound', () => {
    expect(verdict(layers(['flatten', {}], ['dense', { units: 1_000_000 }]))).toMatch(
      /^layers\.1\.config\.units: dense units: Too big: expected number to be <=65536/,
    );
    expect(verdict(layers(['conv2d', { filters: 5000, kernelSize: 3 }]))).toMatch(/filters: Too big/);
    expect(verdict(layers(['conv2d', { filters: 4, kernelSize: [3, 300] }]))).toMatch(/kernelSize/);
    expect(verdict(layers(['conv2d', { filters: 4, kernelSize: 3, strides: 0 }]))).toMatch(/strides/);
    expect(verdict(layers(['conv2d', { filters: 4, kernelSize: 3, padding: 1e6 }]))).toMatch(/padding/);
    expect(verdict(layers(['dropout', { rate: 1 }]))).toMatch(/dropout rate: Too big/);
    expect(verdict(layers(['maxpool2d', { poolSize: 1e9 }]))).toMatch(/poolSize: Too big/);
    expect(verdict(layers(['fixedPoint', { units: 8, maxIterations: 1e9 }]))).toMatch(/maxIterations/);
    expect(verdict(layers(['dense', { units: 2.5 }]))).toMatch(/units: .*expected int/);
    expect(verdict(layers(['dense', { units: 10, unitz: 3 }]))).toMatch(/dense: Unrecognized key.*unitz/);
    expect(verdict(layers(['blender', {}]))).toMatch(/^layers\.0\.type: unknown layer type "blender"/);
  });

  it('refuses out-of-bounds optimizer and schedule fields, and unknown types', () => {
    expect(verdict({ optimizer: { type: 'adam', config: { beta1: 1.5 } } })).toMatch(
      /^optimizer\.config\.beta1/,
    );
    expect(verdict({ optimizer: { type: 'sgd', config: { weightDecay: -1 } } })).toMatch(/weightDecay/);
    expect(verdict({ optimizer: { type: 'lion', config: {} } })).toMatch(/unknown optimizer type "lion"/);
    expect(verdict({ schedule: { type: 'step', config: { stepSize: 1e9 } } })).toMatch(/stepSize: Too big/);
    expect(
      verdict({ schedule: { type: 'warmup', config: { after: { type: 'warmup', config: {} } } } }),
    ).toMatch(/unknown schedule type "warmup"/);
    expect(verdict({ limit: 1e12 })).toMatch(/^limit/);
  });

  it('is what training:start validates at the boundary', async () => {
    const handlers = { 'training:start': () => ({ jobId: 'j' }) } as unknown as Handlers;
    const huge = spec(layers(['flatten', {}], ['dense', { units: 1_000_000 }]));
    await expect(dispatch(handlers, 'training:start', huge)).rejects.toThrow(InvalidRequestError);
    await expect(dispatch(handlers, 'training:start', huge)).rejects.toThrow(/at layers\.1\.config\.units/);
    await expect(dispatch(handlers, 'training:start', spec())).resolves.toEqual({ jobId: 'j' });
    expect(contract['training:start'].input).toBe(trainingSpecSchema);
  });
});

describe('samples:add strokes', () => {
  const input = (strokes: unknown) => ({ datasetId: 'd', label: 'a', image: new Float32Array(784), strokes });
  const check = (strokes: unknown) => contract['samples:add'].input.safeParse(input(strokes));
  const line = (n: number) => Array.from({ length: n }, (_, i) => [i, i]);

  it('bounds the points of all strokes together, not only per stroke', () => {
    expect(check([line(300), line(200)]).success).toBe(true);
    // 500 strokes of 20,000 points was the old schema's maximum: 10 M points, 25 s in main.
    const r = check(Array.from({ length: 500 }, () => line(20_000)));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(
      /at most 50,000 points in all strokes together, got 10,000,000/,
    );
    expect(check(Array.from({ length: 501 }, () => line(1))).error?.issues[0]?.message).toMatch(
      /500 strokes/,
    );
    expect(check([[[1, Number.NaN]]]).error?.issues[0]?.message).toMatch(/finite/);
    expect(check([[[1, 2, 3]]]).success).toBe(false);
    expect(check('strokes').success).toBe(false);
  });
});
