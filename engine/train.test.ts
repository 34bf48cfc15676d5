import { describe, expect, it } from 'vitest';
import type { Dataset } from './batch';
import type { Loss } from './layer';
import { UNIFORM_TARGET } from './losses/index';
import { Rng } from './rng';
import { type Param, param, type Tensor } from './tensor';
import { type TrainableModel, type TrainOptions, train } from './train';
import { PauseGate } from './train-control';

// Local stand-ins (a ReLU MLP and softmax cross-entropy) so these tests exercise the loop alone.

class Mlp implements TrainableModel {
  private readonly ws: Param[] = [];
  private readonly bs: Param[] = [];
  private acts: Tensor[] = [];

  constructor(sizes: number[], seed = 7) {
    const rng = new Rng(seed);
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = param(`w${l}`, [sizes[l + 1], sizes[l]]);
      const scale = Math.sqrt(2 / sizes[l]);
      for (let i = 0; i < w.value.data.length; i++) w.value.data[i] = rng.normal() * scale;
      this.ws.push(w);
      this.bs.push(param(`b${l}`, [sizes[l + 1]], false));
    }
  }

  params(): Param[] {
    return [...this.ws, ...this.bs];
  }

  forward(x: Tensor): Tensor {
    this.acts = [x];
    let a = x;
    this.ws.forEach((w, l) => {
      const [out, inp] = w.value.shape;
      const n = a.shape[0];
      const z = new Float32Array(n * out);
      for (let r = 0; r < n; r++) {
        for (let o = 0; o < out; o++) {
          let s = this.bs[l].value.data[o];
          for (let i = 0; i < inp; i++) s += w.value.data[o * inp + i] * a.data[r * inp + i];
          z[r * out + o] = l + 1 < this.ws.length ? Math.max(0, s) : s;
        }
      }
      a = { shape: [n, out], data: z };
      this.acts.push(a);
    });
    return a;
  }

  backward(dOut: Tensor): Tensor {
    let d = dOut.data;
    for (let l = this.ws.length - 1; l >= 0; l--) {
      const w = this.ws[l];
      const [out, inp] = w.value.shape;
      const a = this.acts[l].data;
      const n = this.acts[l].shape[0];
      const dIn = new Float32Array(n * inp);
      for (let r = 0; r < n; r++) {
        for (let o = 0; o < out; o++) {
          const g = d[r * out + o];
          this.bs[l].grad.data[o] += g;
          for (let i = 0; i < inp; i++) {
            w.grad.data[o * inp + i] += g * a[r * inp + i];
            dIn[r * inp + i] += g * w.value.data[o * inp + i];
          }
        }
      }
      if (l > 0) for (let i = 0; i < dIn.length; i++) if (a[i] <= 0) dIn[i] = 0;
      d = dIn;
    }
    return { shape: this.acts[0].shape, data: d };
  }
}

class SoftmaxCrossEntropy implements Loss {
  readonly type = 'softmaxCrossEntropy';
  private grad: Tensor = { shape: [0], data: new Float32Array(0) };

  forward(p: Tensor, target: Int32Array): number {
    const [n, c] = p.shape;
    const g = new Float32Array(n * c);
    let loss = 0;
    for (let r = 0; r < n; r++) {
      let max = -Infinity;
      for (let k = 0; k < c; k++) max = Math.max(max, p.data[r * c + k]);
      let sum = 0;
      for (let k = 0; k < c; k++) sum += Math.exp(p.data[r * c + k] - max);
      for (let k = 0; k < c; k++) g[r * c + k] = Math.exp(p.data[r * c + k] - max) / sum / n;
      g[r * c + target[r]] -= 1 / n;
      loss += Math.log(sum) + max - p.data[r * c + target[r]];
    }
    this.grad = { shape: [n, c], data: g };
    return loss / n;
  }

  backward(): Tensor {
    return this.grad;
  }
}

/** XOR, repeated: four points, two classes. */
function xor(copies = 16): Dataset {
  const points = [0, 0, 0, 1, 1, 0, 1, 1];
  const labels = [0, 1, 1, 0];
  const images = new Float32Array(copies * 8);
  const ys = new Int32Array(copies * 4);
  for (let c = 0; c < copies; c++) {
    images.set(points, c * 8);
    ys.set(labels, c * 4);
  }
  return { images, labels: ys, sampleShape: [2] };
}

/** Two interleaved spirals in the plane, `n` points per arm. */
function spiral(n: number, seed = 3): Dataset {
  const rng = new Rng(seed);
  const images = new Float32Array(n * 2 * 2);
  const labels = new Int32Array(n * 2);
  for (let k = 0; k < 2; k++) {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 1;
      const t = (i / n) * 4 + k * Math.PI + rng.normal() * 0.15;
      const j = k * n + i;
      images[2 * j] = r * Math.sin(t);
      images[2 * j + 1] = r * Math.cos(t);
      labels[j] = k;
    }
  }
  return { images, labels, sampleShape: [2] };
}

const base = (overrides: Partial<TrainOptions> = {}): TrainOptions => ({
  epochs: 5,
  batchSize: 8,
  learningRate: 0.1,
  optimizer: { type: 'momentum', config: { momentum: 0.9 } },
  loss: new SoftmaxCrossEntropy(),
  seed: 1,
  ...overrides,
});

describe('train', () => {
  it('learns XOR', async () => {
    const model = new Mlp([2, 8, 2]);
    const result = await train(model, xor(), base({ epochs: 60 }));
    expect(result.status).toBe('completed');
    const last = result.record.epochs.at(-1)!;
    expect(last.trainAccuracy).toBe(1);
    expect(last.trainLoss).toBeLessThan(0.1);
  });

  it('learns a 2-D spiral with Adam and a one-cycle schedule, reported per epoch', async () => {
    const model = new Mlp([2, 32, 32, 2]);
    const data = spiral(100);
    const result = await train(
      model,
      data,
      base({
        epochs: 40,
        batchSize: 20,
        learningRate: 0.02,
        optimizer: { type: 'adam', config: {} },
        schedule: { type: 'oneCycle', config: {} },
        validation: { fraction: 0.2 },
      }),
    );
    const epochs = result.record.epochs;
    expect(epochs).toHaveLength(40);
    expect(epochs.at(-1)!.trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(epochs.at(-1)!.valAccuracy).toBeGreaterThan(0.9);
    expect(result.record.steps).toBe(40 * 8); // 160 training samples in batches of 20
  });

  it('is deterministic for a seed', async () => {
    const run = async () =>
      (await train(new Mlp([2, 8, 2]), xor(), base())).record.epochs.map((e) => e.trainLoss);
    expect(await run()).toEqual(await run());
  });

  it('calls onBatchEnd with loss and throughput, and passes each batch through augment', async () => {
    const seen: number[] = [];
    let augmented = 0;
    await train(
      new Mlp([2, 4, 2]),
      xor(4),
      base({
        epochs: 1,
        batchSize: 5,
        augment: (images, rng) => {
          augmented += images.shape[0];
          expect(rng).toBeInstanceOf(Rng);
          return undefined;
        },
        onBatchEnd: (r) => {
          seen.push(r.batch);
          expect(Number.isFinite(r.loss)).toBe(true);
          expect(r.samplesPerSecond).toBeGreaterThanOrEqual(0);
        },
      }),
    );
    expect(seen).toEqual([0, 1, 2, 3]); // 16 samples: 5 + 5 + 5 + 1
    expect(augmented).toBe(16);
  });

  it('stops when cancelled, between batches', async () => {
    const controller = new AbortController();
    const result = await train(
      new Mlp([2, 4, 2]),
      xor(),
      base({
        onBatchEnd: (r) => {
          if (r.step === 3) controller.abort();
        },
        signal: controller.signal,
      }),
    );
    expect(result.status).toBe('cancelled');
    expect(result.record.steps).toBe(3);
  });

  it('waits at the pause gate until resumed, and can be cancelled while paused', async () => {
    const gate = new PauseGate();
    const resumedAt: number[] = [];
    const done = train(
      new Mlp([2, 4, 2]),
      xor(),
      base({
        epochs: 2,
        pause: gate,
        onBatchEnd: (r) => {
          if (r.step === 2) {
            gate.pause();
            setTimeout(() => {
              resumedAt.push(r.step);
              gate.resume();
            }, 20);
          }
        },
      }),
    );
    const result = await done;
    expect(result.status).toBe('completed');
    expect(resumedAt).toEqual([2]);

    const controller = new AbortController();
    const gate2 = new PauseGate();
    gate2.pause();
    setTimeout(() => controller.abort(), 10);
    const cancelled = await train(
      new Mlp([2, 4, 2]),
      xor(),
      base({ pause: gate2, signal: controller.signal }),
    );
    expect(cancelled.status).toBe('cancelled');
  });

  it('reports a non-finite loss with its batch and restores the last good weights', async () => {
    const data = xor();
    data.images[5 * 2] = Number.NaN; // sample 5
    const model = new Mlp([2, 4, 2]);
    const result = await train(model, data, base({ epochs: 3, batchSize: 4 }));
    expect(result.status).toBe('diverged');
    expect(result.divergence?.quantity).toBe('loss');
    expect(result.divergence?.value).toBeNaN();
    expect(result.divergence?.message).toMatch(/epoch 1, batch \d+/);
    for (const p of model.params()) for (const v of p.value.data) expect(Number.isFinite(v)).toBe(true);
  });

  it('stops a finite blow-up (learning rate ×1e5 after two epochs) and puts back the last healthy epoch', async () => {
    const model = new Mlp([2, 8, 2]);
    const atEpoch: Float32Array[][] = [];
    const result = await train(
      model,
      spiral(64),
      base({
        epochs: 6,
        schedule: { type: 'step', config: { stepSize: 2, gamma: 1e5 } },
        onEpochEnd: () => void atEpoch.push(model.params().map((p) => Float32Array.from(p.value.data))),
      }),
    );
    expect(result.status).toBe('diverged');
    expect(result.divergence?.epoch).toBe(2);
    expect(result.divergence?.restoredEpochs).toBe(2);
    expect(result.divergence?.message).toMatch(
      /^at epoch 3, batch \d+ .*restored the weights after epoch 2$/,
    );
    expect(model.params().map((p) => p.value.data)).toEqual(atEpoch[1]);

    // `divergence: false` stops on NaN/Inf only.
    const unguarded = await train(
      new Mlp([2, 8, 2]),
      spiral(64),
      base({ epochs: 6, divergence: false, schedule: { type: 'step', config: { stepSize: 2, gamma: 1e5 } } }),
    );
    expect(unguarded.divergence?.quantity ?? 'none').not.toBe('runningLoss');
  });

  it('stops on a plateau after `patience` epochs and on reaching a target', async () => {
    const still = await train(
      new Mlp([2, 4, 2]),
      xor(),
      base({ epochs: 20, learningRate: 0, earlyStopping: { patience: 2 } }),
    );
    expect(still.status).toBe('plateau');
    expect(still.record.epochs).toHaveLength(3);

    const target = await train(
      new Mlp([2, 8, 2]),
      xor(),
      base({ epochs: 200, earlyStopping: { targetAccuracy: 1 } }),
    );
    expect(target.status).toBe('converged');
    expect(target.record.epochs.length).toBeLessThan(200);
  });

  it('evaluates a given validation set each epoch', async () => {
    const reports: (number | undefined)[] = [];
    await train(
      new Mlp([2, 8, 2]),
      xor(),
      base({ epochs: 2, validation: xor(1), onEpochEnd: (e) => void reports.push(e.valLoss) }),
    );
    expect(reports).toHaveLength(2);
    expect(reports.every((v) => v !== undefined && Number.isFinite(v))).toBe(true);
  });

  it('collects warnings from layers that report them (a fixed point that hit its cap) into the epoch report', async () => {
    const model = Object.assign(new Mlp([2, 4, 2]), {
      layers: [{ takeWarnings: () => ['fixedPoint: the relaxation hit its cap'] }],
    });
    const heard: string[] = [];
    const result = await train(model, xor(), base({ epochs: 2, onWarning: (w) => heard.push(w) }));
    expect(result.record.epochs[0].warnings).toEqual(['fixedPoint: the relaxation hit its cap']);
    expect(heard).toHaveLength(2);
  });

  it('defaults to softmax cross-entropy and takes a loss spec', async () => {
    const byDefault = await train(new Mlp([2, 8, 2]), xor(), base({ epochs: 60, loss: undefined }));
    expect(byDefault.record.epochs.at(-1)!.trainAccuracy).toBe(1);
    const bySpec = await train(
      new Mlp([2, 8, 2]),
      xor(),
      base({ epochs: 60, loss: { type: 'softmaxCrossEntropy', config: {} } }),
    );
    expect(bySpec.record.epochs.at(-1)!.trainLoss).toBeCloseTo(byDefault.record.epochs.at(-1)!.trainLoss, 5);
  });

  it('counts training accuracy over samples with a class: "no class" samples (UNIFORM_TARGET) are neither right nor wrong', async () => {
    const data = xor();
    // a copy of XOR's points labelled "no class" beside every labelled one
    const images = new Float32Array(data.images.length * 2);
    images.set(data.images);
    images.set(
      data.images.map((v) => v * 0.5 + 0.25),
      data.images.length,
    );
    const labels = new Int32Array(data.labels.length * 2).fill(UNIFORM_TARGET);
    labels.set(data.labels);
    const result = await train(
      new Mlp([2, 8, 2]),
      { images, labels, sampleShape: [2] },
      base({ epochs: 80, loss: { type: 'softmaxCrossEntropy', config: {} } }),
    );
    expect(result.record.epochs.at(-1)!.trainAccuracy).toBe(1);
  });
});
