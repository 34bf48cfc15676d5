// `glyph-lab train`: a training job through the core (trainer child process), progress on stderr,
// and a final summary (JSON with --json): test accuracy, per-class figures, time, model path.

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseJson } from '../../../datasets/json-text';
import { PRESET_IDS } from '../../../engine/presets';
import { exportModelFiles } from '../../core/model-codec';
import { readAppMeta } from '../../core/model-meta';
import { pendingExportsDir } from '../../core/stores/export-target';
import { RecipeCatalog } from '../../core/stores/recipes';
import { presetTraining } from '../../model/engine-model';
import { FINE_TUNE_TRAINING } from '../../model/fine-tune-recipe';
import { specOfRecipe } from '../../model/recipe-spec';
import { trainingSpecSchema } from '../../shared/api';
import { messageOf } from '../../shared/errors';
import type {
  BeforeAfter,
  FineTuneReport,
  SuspiciousSample,
  ThreadsSetting,
  TrainingEvent,
  TrainingLoss,
  TrainingSpec,
} from '../../shared/types';
import { writeBuiltin } from '../builtin';
import { type GlobalOptions, openCore } from '../context';
import type { Values } from '../main';
import { formatEvaluation, isPositiveInt, numberFlag, perClassJson, percent, printJson } from '../output';
import { progressPrinter } from '../progress';
import { UsageError } from '../usage';

export function specFromFlags(values: Values): TrainingSpec {
  if (!values.dataset) throw new UsageError('train needs --dataset <id> (see glyph-lab datasets list)');
  if (values.preset && values.layers) throw new UsageError('give either --preset or --layers, not both');
  let layers: TrainingSpec['layers'];
  if (values.layers) {
    try {
      layers = parseJson(values.layers, '--layers') as TrainingSpec['layers'];
    } catch (error) {
      throw new UsageError(`--layers must be a JSON array of {type, config} (${messageOf(error)})`);
    }
    if (!Array.isArray(layers) || !layers.every((l) => l && typeof l.type === 'string')) {
      throw new UsageError('--layers must be a JSON array of {type, config}');
    }
    layers = layers.map((l) => ({ type: l.type, config: l.config ?? {} }));
  }
  const architecture = layers ? 'custom' : (values.preset ?? 'mlp');
  // Flags left out take the preset's own training defaults (Adam at 0.001 for a layer list), or the
  // fine-tuning recipe's when starting from a base model (augmentation on: it makes the copies).
  const fineTuning = values.base !== undefined;
  const defaults = fineTuning ? { ...FINE_TUNE_TRAINING, augment: true } : presetTraining(architecture);
  if (!layers && !defaults) throw new UsageError(`--preset must be one of ${PRESET_IDS.join(', ')}`);
  const optimizer = values.optimizer
    ? { type: values.optimizer, config: {} }
    : (defaults?.optimizer ?? { type: 'adam', config: {} });
  return {
    datasetId: values.dataset,
    architecture,
    layers,
    baseModelId: values.base,
    optimizer: { type: optimizer.type, config: { ...optimizer.config } },
    learningRate: numberFlag(values.lr, 'lr', defaults?.learningRate ?? 0.001, (n) => n > 0 && n <= 10),
    schedule: defaults
      ? { type: defaults.schedule.type, config: { ...defaults.schedule.config } }
      : { type: 'constant', config: {} },
    batchSize: numberFlag(values.batch, 'batch', defaults?.batchSize ?? 64, isPositiveInt),
    epochs: numberFlag(values.epochs, 'epochs', defaults?.epochs ?? 1, isPositiveInt),
    augmentation: values.augment === true || fineTuning,
    seed: numberFlag(values.seed, 'seed', 1, (n) => Number.isInteger(n) && n >= 0),
    validationSplit: numberFlag(
      values.validation,
      'validation',
      fineTuning ? 0 : 0.1,
      (n) => n >= 0 && n <= 0.5,
    ),
    ...labelSmoothing(values['label-smoothing']),
    ...lossFlag(values.loss),
    limit: values.limit === undefined ? undefined : numberFlag(values.limit, 'limit', 0, isPositiveInt),
    name: values.name,
    ...threadsFlag(values.threads),
  };
}

/** `--threads <n|auto>`: 1 to this machine's cores; left out of the spec when not given (auto). */
export function threadsFlag(
  flag: string | undefined,
  cores = availableParallelism(),
): { threads?: ThreadsSetting } {
  if (flag === undefined) return {};
  if (flag === 'auto') return { threads: 'auto' };
  const n = Number(flag);
  if (!/^\d+$/.test(flag) || n < 1 || n > cores) {
    throw new UsageError(
      `--threads must be auto or a whole number from 1 to ${cores} (this machine's cores)`,
    );
  }
  return { threads: n };
}

/** `--label-smoothing ε` (0 ≤ ε ≤ 0.5); left out of the spec when 0, as the app's form does. */
function labelSmoothing(flag: string | undefined): { labelSmoothing?: number } {
  const e = numberFlag(flag, 'label-smoothing', 0, (n) => n >= 0 && n <= 0.5);
  return e > 0 ? { labelSmoothing: e } : {};
}

/** `--loss cross-entropy|mse`; left out of the spec when not given (the preset's own loss applies). */
function lossFlag(flag: string | undefined): { loss?: TrainingLoss } {
  if (flag === undefined) return {};
  if (flag !== 'cross-entropy' && flag !== 'mse') throw new UsageError('--loss must be cross-entropy or mse');
  return { loss: flag };
}

function formatFineTune(r: FineTuneReport): string {
  const line = (title: string, f: BeforeAfter) =>
    `  ${title}: ${percent(f.before)} → ${percent(f.after)} (${f.on})`;
  return [
    `fine-tuned from ${r.baseModelName || r.baseModelId}${r.newClasses.length ? `, adding ${r.newClasses.join(' ')}` : ''}` +
      ` (${r.layers === 'head' ? 'dense head on frozen features' : 'every layer'}, ${r.customSamples} samples × ${r.copies + 1}, ${r.replayed} replayed, ${r.seconds.toFixed(1)} s)`,
    ...(r.base ? [line('base classes', r.base)] : []),
    ...(r.custom
      ? [line('held-out samples', r.custom)]
      : ['  held-out samples: none (a class needs at least 5 samples for one to be held out)']),
  ].join('\n');
}

function formatSuspicious(list: SuspiciousSample[]): string {
  return [
    `${list.length} sample${list.length === 1 ? '' : 's'} look${list.length === 1 ? 's' : ''} mislabelled (the model strongly disagrees):`,
    ...list.map(
      (s) =>
        `  ${s.id}: labelled ${s.label}, looks like ${s.predicted} (${percent(s.confidence)}; ${percent(s.labelProbability)} for ${s.label})`,
    ),
  ].join('\n');
}

/** `--recipe <id>`: the recipe's own spec; training flags beside it would be ignored, so they are refused. */
async function recipeSpec(global: GlobalOptions, values: Values): Promise<TrainingSpec> {
  const clash = (
    [
      'dataset',
      'preset',
      'layers',
      'epochs',
      'optimizer',
      'lr',
      'batch',
      'seed',
      'limit',
      'validation',
      'label-smoothing',
      'loss',
      'augment',
      'base',
    ] as const
  ).filter((k) => values[k] !== undefined);
  if (clash.length)
    throw new UsageError(`--recipe sets the data, network and training itself: drop --${clash.join(', --')}`);
  const recipe = await new RecipeCatalog(path.join(global.resources, 'models'))
    .get(values.recipe!)
    .catch((error: unknown) => {
      throw new UsageError(messageOf(error));
    });
  return {
    ...specOfRecipe(recipe),
    ...(values.name ? { name: values.name } : {}),
    ...threadsFlag(values.threads),
  };
}

export async function runTrain(global: GlobalOptions, values: Values): Promise<number> {
  if (values.builtin && !values.recipe) throw new UsageError('--builtin goes with --recipe <id>');
  const spec = values.recipe ? await recipeSpec(global, values) : specFromFlags(values);
  // The same bounds the app's boundary applies (layer, optimizer and schedule fields).
  const parsed = trainingSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue?.path.join('.') ?? 'spec'}: ${issue?.message ?? 'invalid'}`);
  }
  const core = await openCore(global);
  const started = Date.now();
  const show = progressPrinter();
  let onSignal: (() => void) | undefined;
  try {
    const end = new Promise<TrainingEvent>((resolve) => {
      core.on((event, payload) => {
        if (event !== 'training:event') return;
        const e = payload as TrainingEvent;
        show(e);
        if (e.type === 'done' || e.type === 'error' || e.type === 'cancelled') resolve(e);
      });
    });
    onSignal = () => core.handlers['training:cancel'](undefined);
    process.once('SIGINT', onSignal);
    await core.handlers['training:start'](spec);
    const last = await end;
    if (last.type === 'cancelled') throw new Error('training was cancelled');
    if (last.type === 'error') throw new Error(`training failed (${last.kind}): ${last.message}`);
    if (last.type !== 'done') throw new Error('training ended unexpectedly');
    const folder = await core.services.models.folder(last.model.id);
    const payload = await core.handlers['models:get']({ id: last.model.id });
    const record = readAppMeta(payload.json).training;
    let modelPath = folder;
    if (values.builtin && spec.recipe) {
      modelPath = await writeBuiltin(path.join(global.resources, 'models', spec.recipe), payload);
    } else if (values.out) {
      modelPath = (
        await exportModelFiles(payload, 'native', path.resolve(values.out), undefined, {
          journal: pendingExportsDir(global.dataDir),
        })
      ).path;
    }
    const seconds = (Date.now() - started) / 1000;
    const e = last.evaluation;
    const fineTune = last.model.fineTune;
    const suspicious = last.suspicious ?? [];
    if (global.json) {
      printJson({
        model: last.model.id,
        modelPath,
        testAccuracy: e.accuracy,
        testLoss: e.loss,
        testCount: e.count,
        perClass: perClassJson(e),
        loss: record?.spec.loss,
        epochs: record?.history.length,
        ...(record?.threads ? { threads: record.threads } : {}),
        ...(record?.converged ? { converged: record.converged } : {}),
        seconds,
        ...(fineTune ? { fineTune } : {}),
        ...(last.suspicious ? { suspicious } : {}),
      });
    } else {
      process.stdout.write(
        `${formatEvaluation(e)}\n${record?.threads ? `trained on ${record.threads.reason}\n` : ''}${record?.converged ? `converged after ${record.converged.epochs} epochs (the validation error stopped improving; the weights of epoch ${record.converged.bestEpoch} were kept)\n` : ''}${fineTune ? `\n${formatFineTune(fineTune)}\n` : ''}${suspicious.length ? `\n${formatSuspicious(suspicious)}\n` : ''}` +
          `\nmodel ${last.model.id} saved to ${modelPath} (${percent(e.accuracy)}, ${seconds.toFixed(1)} s)\n`,
      );
    }
    return 0;
  } finally {
    if (onSignal) process.off('SIGINT', onSignal);
    await core.dispose();
  }
}
