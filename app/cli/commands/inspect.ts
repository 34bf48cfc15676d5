// `glyph-lab inspect <model> <image> [--target <class>]`: what the model does with one image, layer by
// layer (engine/inspect.ts): each layer's activation statistics and, for a target class, the backward
// pass of that one example with the loss the model was trained with: the output error (actual −
// desired), then per layer the size of the error signal and of the weight gradients one plain SGD step
// at the model's learning rate would apply. The image is read and normalized as `predict` reads it.

import path from 'node:path';
import { INSPECT_DEFAULTS, type Inspection, inspect } from '../../../engine/inspect';
import type { LayerSpec } from '../../../engine/layer';
import { readAppMeta } from '../../core/model-meta';
import { readGlyphImage } from '../../core/stores/image-io';
import { createPredictor, LOSS_NAMES, lossOf, readModel } from '../../model/engine-model';
import type { TrainingLoss } from '../../shared/types';
import { type GlobalOptions, resolveModel, withCore } from '../context';
import type { Values } from '../main';
import { percent, printJson, table } from '../output';
import { UsageError } from '../usage';

/** The engine's loss spec for the contract's loss name (squared error on sigmoid outputs, as trained). */
const ENGINE_LOSS: Record<TrainingLoss, LayerSpec> = {
  'cross-entropy': { type: 'softmaxCrossEntropy', config: {} },
  mse: { type: 'meanSquaredError', config: { sigmoid: true } },
};

const figure = (x: number) => (Number.isFinite(x) ? x.toPrecision(4) : String(x));
const shapeText = (shape: readonly number[]) => shape.join('×');

export async function runInspect(global: GlobalOptions, values: Values, rest: string[]): Promise<number> {
  if (rest.length !== 2) throw new UsageError('usage: glyph-lab inspect <model> <image> [--target <class>]');
  const [ref, file] = rest as [string, string];
  return withCore(global, async (core) => {
    const payload = await resolveModel(core, ref);
    const classes = payload.summary.classes;
    let target: number | undefined;
    if (values.target !== undefined) {
      target = classes.indexOf(values.target);
      if (target < 0)
        throw new UsageError(`--target must be one of the model's classes: ${classes.join(' ')}`);
    }
    const spec = readAppMeta(payload.json).training?.spec;
    // Models without a training record (imported ones) are read as cross-entropy models.
    const loss = spec ? lossOf(spec) : 'cross-entropy';
    const learningRate = spec?.learningRate ?? INSPECT_DEFAULTS.learningRate;
    const image = await readGlyphImage(path.resolve(file));
    const result = inspect(readModel(payload), image, { target, loss: ENGINE_LOSS[loss], learningRate });
    // The confidences shown are predict's (tempered by the model's calibration when it has one); the
    // backward pass keeps the loss's own softmax, as training computes it.
    const shown = { ...result, probabilities: createPredictor(payload)(image) };
    if (global.json) printJson(jsonOf(shown, classes, loss));
    else process.stdout.write(`${textOf(shown, classes, loss)}\n`);
    return 0;
  });
}

function predicted(r: Inspection, classes: string[]): { label: string; confidence: number } {
  let best = 0;
  for (let k = 1; k < r.probabilities.length; k++) if (r.probabilities[k]! > r.probabilities[best]!) best = k;
  return { label: classes[best]!, confidence: r.probabilities[best]! };
}

function jsonOf(r: Inspection, classes: string[], loss: TrainingLoss) {
  const b = r.backward;
  return {
    ...predicted(r, classes),
    confidences: Object.fromEntries(classes.map((c, i) => [c, r.probabilities[i]])),
    layers: r.activations.map((a) => ({ index: a.index, type: a.type, shape: a.shape, ...a.stats })),
    ...(b
      ? {
          backward: {
            target: classes[b.output.target],
            loss,
            lossValue: b.output.value,
            learningRate: b.learningRate,
            outputError: Object.fromEntries(classes.map((c, i) => [c, b.output.error[i]])),
            layers: b.layers.map((l) => ({
              index: l.index,
              type: l.type,
              signalNorm: l.norm,
              signalMaxAbs: l.maxAbs,
              params: l.params.map((p) => ({
                name: p.name,
                gradientNorm: p.norm,
                weightNorm: p.weightNorm,
                step: p.step,
                relativeStep: p.relativeStep,
              })),
            })),
          },
        }
      : {}),
  };
}

function textOf(r: Inspection, classes: string[], loss: TrainingLoss): string {
  const p = predicted(r, classes);
  const lines = [
    `predicted ${p.label} (${percent(p.confidence)})`,
    '',
    'activations (each layer’s output for this image):',
    table([
      ['layer', 'type', 'shape', 'min', 'max', 'mean', 'zero'],
      ...r.activations.map((a) => [
        String(a.index),
        a.type,
        shapeText(a.shape),
        figure(a.stats.min),
        figure(a.stats.max),
        figure(a.stats.mean),
        percent(a.stats.zeroShare),
      ]),
    ]),
  ];
  const b = r.backward;
  if (!b) return lines.join('\n');
  const errors = classes.map((c, i) => `${c} ${figure(b.output.error[i]!)}`).join(', ');
  lines.push(
    '',
    `backward pass for target ${classes[b.output.target]} (${LOSS_NAMES[loss]}, loss ${figure(b.output.value)}):`,
    `output error (actual − desired): ${errors}`,
    `error signal per layer, from the output back, and one plain SGD step at learning rate ${b.learningRate}:`,
    table([
      ['layer', 'type', '‖error signal‖', 'parameter', '‖gradient‖', '‖step‖/‖weights‖'],
      ...[...b.layers].reverse().flatMap((l) => {
        const head = [String(l.index), l.type, figure(l.norm)];
        if (l.params.length === 0) return [[...head, '', '', '']];
        return l.params.map((q, i) => [
          ...(i === 0 ? head : ['', '', '']),
          q.name,
          figure(q.norm),
          figure(q.relativeStep),
        ]);
      }),
    ]),
  );
  return lines.join('\n');
}
