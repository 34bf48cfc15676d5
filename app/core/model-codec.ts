// The model files seen through the engine: validation (format, version, layer registry, weight
// count), the engine version, and export (native folder with a model card; ONNX through the engine).

import { writeFileAtomic } from '../../datasets/io/atomic';
import { writeExportDir } from '../../datasets/io/export-folder';
import { exportOnnx } from '../../engine/onnx/index';
import { checkModelFile, deserializeModel, MODEL_VERSION, parseModelFile } from '../../engine/serialize';
import { LOSS_NAMES, parameterCount, readModel } from '../model/engine-model';
import { CoreError, messageOf } from '../shared/errors';
import type { ModelFiles } from '../shared/trainer-protocol';
import type { ModelPayload } from '../shared/types';
import {
  alsoEvaluatedLines,
  ambiguousPairsSection,
  confidenceSection,
  creditSection,
  pct,
  recipeSection,
} from './model-card-sections';
import { type AppModelMeta, readAppMeta } from './model-meta';
import { exportFolder } from './stores/export-target';
import { MODEL_JSON, type ModelChecks, type ModelStore, WEIGHTS_BIN } from './stores/model-store';

export const ENGINE_VERSION = `model format v${MODEL_VERSION}`;

export function engineVersion(): string {
  return ENGINE_VERSION;
}

/**
 * Throws the engine's one-line reason unless model.json fits the weights' byte length, by arithmetic
 * alone (nothing read or built); returns the parameter count.
 */
function inspectModelFile(json: Record<string, unknown>, weightsByteLength: number): number {
  return checkModelFile(json, weightsByteLength).shapes.parameters;
}

/** Throws the engine's one-line reason unless the files load; returns the parameter count. */
function checkModel(files: ModelFiles): number {
  parseModelFile(files.json);
  return parameterCount(readModel(files));
}

/** ONNX bytes of a stored model (the engine's exporter), with class names and normalization as metadata. */
export function toOnnx(files: ModelFiles, name: string): Uint8Array {
  const { model, meta } = deserializeModel(files.json, files.weights);
  return exportOnnx(
    model,
    { classes: meta.classes, name, normalization: meta.normalization },
    { probabilities: true },
  );
}

/** Throws a one-line reason unless the engine can load this model; returns its parameter count. */
export function validateModel(files: ModelFiles): { parameters: number } {
  return { parameters: checkModel(files) };
}

/** The same by arithmetic on model.json and the weights' byte length: nothing read or built (listing). */
export function inspectModel(
  json: Record<string, unknown>,
  weightsByteLength: number,
): { parameters: number } {
  return { parameters: inspectModelFile(json, weightsByteLength) };
}

/** The engine's checks as the model store takes them. */
export const modelChecks: ModelChecks = { inspect: inspectModel, validate: validateModel };

/** Where and when a model was exported (left out of the built-in models' cards, which are rebuilt byte for byte). */
export interface ExportStamp {
  at: string;
  appVersion?: string;
}

function trainingLines(meta: Partial<AppModelMeta>, datasetId: string): string[] {
  const lines: string[] = [];
  const t = meta.training;
  if (t) {
    lines.push(
      `- Trained for ${t.history.length} epoch(s) in ${t.seconds.toFixed(1)} s with ${t.spec.optimizer.type}, ` +
        `learning rate ${t.spec.learningRate}, batch ${t.spec.batchSize}, seed ${t.spec.seed}` +
        `${t.spec.augmentation ? ', augmentation on' : ''}${t.spec.labelSmoothing && t.spec.loss !== 'mse' ? `, label smoothing ${t.spec.labelSmoothing}` : ''}${t.spec.limit ? `, on the first ${t.spec.limit} training images` : ''}.`,
    );
    // Models trained before the loss was recorded (the built-in ones among them) trained on cross-entropy.
    if (t.spec.loss) lines.push(`- Loss: ${LOSS_NAMES[t.spec.loss]}.`);
    // The weights a seed gives depend on the thread count (gradients summed in other shards).
    if (t.threads)
      lines.push(`- Trained on ${t.threads.reason}; the seed reproduces these weights on as many threads.`);
    if (t.converged)
      lines.push(
        `- Converged after ${t.converged.epochs} epoch(s): the validation error stopped improving; the weights of epoch ${t.converged.bestEpoch} were kept.`,
      );
  } else lines.push('- No training record.');
  lines.push(`- Dataset: \`${datasetId}\`.`);
  const d = meta.data;
  if (d) {
    lines.push(
      `- Images per epoch: ${d.trainImages.toLocaleString('en')} trained, ${d.validationImages.toLocaleString('en')} ` +
        `for validation; ${d.testImages.toLocaleString('en')} held-out test images.`,
    );
    const perClass = Object.entries(d.perClass)
      .map(([label, n]) => `${label} ${n}`)
      .join(', ');
    if (perClass) lines.push(`- Original training images per class (before copies): ${perClass}.`);
  }
  const f = meta.fineTune;
  if (f) {
    lines.push(
      `- Fine-tuned from ${f.baseModelName || f.baseModelId}${f.newClasses.length ? `, adding ${f.newClasses.join(' ')}` : ''}: ` +
        `${f.layers === 'head' ? 'the dense head trained on frozen features' : 'every layer trained'}, ` +
        `${f.customSamples} samples × ${f.copies + 1} (augmented copies), ${f.replayed.toLocaleString('en')} replayed base images, ${f.seconds.toFixed(1)} s.`,
    );
  }
  if (meta.importedFrom) lines.push(`- Imported from ${meta.importedFrom}.`);
  return lines;
}

/**
 * The model card shipped next to an exported model (README.md): what it recognizes, its input
 * normalization (the spec itself), architecture, metrics (with before/after for a fine-tuned model),
 * what it was trained on, dates and the engine's model format version; for a recipe-trained model
 * also the figures beside the headline test, the recipe, the calibration and the data credits
 * (./model-card-sections.ts).
 */
export function modelCard(payload: ModelPayload, exported?: ExportStamp): string {
  const s = payload.summary;
  const meta = readAppMeta(payload.json);
  const layers = Array.isArray(payload.json.layers)
    ? (payload.json.layers as { type: string; config?: unknown }[])
        .map((l) => `- ${l.type} ${JSON.stringify(l.config ?? {})}`)
        .join('\n')
    : '(see model.json)';
  const m = s.metrics;
  const f = meta.fineTune;
  const metrics = [
    `- Test accuracy: ${m.testAccuracy === undefined ? 'not measured' : pct(m.testAccuracy)}${m.evaluatedOn ? ` (${m.evaluatedOn})` : ''}`,
    ...alsoEvaluatedLines(meta),
    ...(m.testLoss !== undefined && Number.isFinite(m.testLoss)
      ? [
          `- Test loss: ${m.testLoss.toFixed(4)}${meta.training?.spec.loss === 'mse' ? ' (cross-entropy on the softmax of the outputs, comparable with cross-entropy models; the training and validation losses are squared error)' : ''}`,
        ]
      : []),
    ...(f?.base
      ? [
          `- Base classes before → after fine-tuning: ${pct(f.base.before)} → ${pct(f.base.after)} (${f.base.on})`,
        ]
      : []),
    ...(f?.custom
      ? [
          `- Held-out custom samples before → after: ${pct(f.custom.before)} → ${pct(f.custom.after)} (${f.custom.on}; the base model cannot name new classes)`,
        ]
      : []),
  ];
  const normalization = payload.json.normalization;
  const temperature = meta.calibration?.temperature;
  const sections = (...texts: string[]) =>
    texts
      .filter(Boolean)
      .map((t) => `\n${t}`)
      .join('');
  return `# ${s.name}

A Glyph Lab model (${s.architecture}, ${s.parameters.toLocaleString('en')} parameters) recognizing
${s.classes.length} classes of the \`${s.datasetId}\` dataset: ${s.classes.join(' ')}

${metrics.join('\n')}
- Created: ${s.createdAt}${exported ? `\n- Exported: ${exported.at}${exported.appVersion ? ` by Glyph Lab ${exported.appVersion}` : ''}` : ''}
- Engine: ${ENGINE_VERSION}

## Training data

${trainingLines(meta, s.datasetId).join('\n')}
${sections(recipeSection(meta), confidenceSection(meta), ambiguousPairsSection(meta))}
## Input

A 28×28 grey image, values in [0, 1] with ink = 1 on paper = 0, normalized like MNIST: cropped to
the ink, scaled so the longer side is 20 pixels, centred by centre of mass, then softened by a light
3×3 blur (strokes are drawn from their vectors at 2.5 pixels first; staircases from a coarse tablet
grid are smoothed). Batch first, [N, 1, 28, 28].
${normalization ? `The normalization spec, as recorded in \`${MODEL_JSON}\`:\n\n\`\`\`json\n${JSON.stringify(normalization)}\n\`\`\`\n` : ''}
## Output

One score (logit) per class, in the order above; ${temperature === undefined ? 'softmax gives the confidences' : `softmax(logits / ${temperature.toFixed(3)}) gives the calibrated confidences the app shows`}.

## Files

- \`${MODEL_JSON}\`: the engine's versioned model description (layers, classes, metadata).
- \`${WEIGHTS_BIN}\`: every parameter as little-endian float32, in layer order.

## Layers

${layers}
${sections(creditSection(meta, s.datasetId))}`;
}

/**
 * Export a model: `native` writes a folder (model.json, weights.bin, README.md and the export marker);
 * `onnx` one .onnx file. A native export replaces only an earlier native export; an existing folder
 * that is anything else (say ~/Documents, or a project holding its own model.json) gets the export
 * in a new sub-folder named after the model. `journal`: see `pendingExportsDir`.
 */
export async function exportModelFiles(
  payload: ModelPayload,
  format: 'native' | 'onnx',
  target: string,
  stamp: ExportStamp = { at: new Date().toISOString() },
  options: { journal?: string } = {},
): Promise<{ path: string }> {
  if (format === 'onnx') {
    const file = target.toLowerCase().endsWith('.onnx') ? target : `${target}.onnx`;
    let bytes: Uint8Array;
    try {
      bytes = toOnnx(payload, payload.summary.name);
    } catch (error) {
      throw new CoreError(
        'unsupported',
        `ONNX export failed: ${error instanceof Error ? error.message : error}`,
      );
    }
    await writeFileAtomic(file, bytes);
    return { path: file };
  }
  const name =
    payload.summary.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || payload.summary.id;
  const dir = await exportFolder(target, 'model', name, 'a native export');
  const files = {
    [MODEL_JSON]: `${JSON.stringify(payload.json)}\n`,
    [WEIGHTS_BIN]: payload.weights,
    'README.md': modelCard(payload, stamp),
  };
  try {
    await writeExportDir(dir, 'model', files, options);
  } catch (error) {
    throw new CoreError('io', `native export to ${dir} failed: ${messageOf(error)}`);
  }
  return { path: dir };
}

export async function exportModel(
  models: ModelStore,
  id: string,
  format: 'native' | 'onnx',
  target: string,
  appVersion?: string,
  journal?: string,
): Promise<{ path: string }> {
  return exportModelFiles(
    await models.get(id),
    format,
    target,
    { at: new Date().toISOString(), appVersion },
    { journal },
  );
}
