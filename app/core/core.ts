// createCore: every main-process behaviour that is not Electron glue, as one handler per channel
// plus an event stream. Main registers the handlers on ipcMain; the e2e host and the CLI call them
// directly. The trainer process is spawned through the injected SpawnTrainer.

import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sweepJournal } from '../../datasets/io/atomic';
import type { EventName, Events, PathHandlers } from '../shared/api';
import { CoreError, messageOf } from '../shared/errors';
import type { SpawnTrainer } from '../shared/trainer-protocol';
import { prepareJob } from './jobs/prepare';
import { TrainingJobs } from './jobs/training-jobs';
import { engineVersion, exportModel, modelChecks } from './model-codec';
import { readAppMeta } from './model-meta';
import { summarizeRecipe } from './recipe-summary';
import { CustomDatasets } from './stores/custom-datasets';
import { DatasetCatalog } from './stores/dataset-catalog';
import { pendingExportsDir } from './stores/export-target';
import { importImages } from './stores/image-io';
import { ModelStore } from './stores/model-store';
import { RecipeCatalog } from './stores/recipes';
import { SampleStore } from './stores/sample-store';
import { exportDataset, importSetFiles } from './stores/set-files';
import { inlineWork, type Work } from './work';
import { type SpawnWorker, WorkerThreadWork } from './work-thread';

export interface CoreOptions {
  userDataDir: string;
  /** Bundled datasets (`<resourcesDir>/datasets/data`) and default models (`<resourcesDir>/models`). */
  resourcesDir: string;
  spawnTrainer: SpawnTrainer;
  /**
   * Starts the worker thread that decodes images and evaluates models off main's event loop (main,
   * the e2e host). Absent: those jobs run in the calling thread (the CLI, which has no window to keep
   * responsive).
   */
  spawnWorker?: SpawnWorker;
  log?: (message: string) => void;
}

export type CoreHandlers = Omit<PathHandlers, 'dialog:openFiles' | 'dialog:saveFile'>;
export type CoreListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface Core {
  handlers: CoreHandlers;
  on(listener: CoreListener): () => void;
  dispose(): Promise<void>;
  /** The services themselves, for the CLI and tests. */
  services: CoreServices;
}

export interface CoreServices {
  datasets: DatasetCatalog;
  custom: CustomDatasets;
  samples: SampleStore;
  models: ModelStore;
  jobs: TrainingJobs;
}

async function readVersion(resourcesDir: string): Promise<string> {
  try {
    const pkg = JSON.parse(await fs.readFile(path.join(resourcesDir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return process.env.npm_package_version ?? '0.0.0';
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? (() => {});
  const { userDataDir, resourcesDir } = options;
  await fs.mkdir(userDataDir, { recursive: true });
  const custom = new CustomDatasets(path.join(userDataDir, 'datasets'), log);
  const datasets = new DatasetCatalog(path.join(resourcesDir, 'datasets', 'data'), custom);
  const samples = new SampleStore(custom);
  const models = new ModelStore(userDataDir, path.join(resourcesDir, 'models'), modelChecks, log);
  const recipes = new RecipeCatalog(path.join(resourcesDir, 'models'));
  const version = await readVersion(resourcesDir);
  await custom.sweep().catch((error) => log(`datasets: sweep failed: ${messageOf(error)}`));
  await models.sweep().catch((error) => log(`models: sweep failed: ${messageOf(error)}`));
  const journal = pendingExportsDir(userDataDir);
  await sweepJournal(journal).catch((error) => log(`exports: sweep failed: ${messageOf(error)}`));

  const work: Work = options.spawnWorker ? new WorkerThreadWork(options.spawnWorker) : inlineWork;

  const listeners = new Set<CoreListener>();
  const emit: CoreListener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log(`listener failed on ${event}: ${messageOf(error)}`);
      }
    }
  };
  const modelsChanged = async () => emit('models:changed', await models.list());
  const datasetsChanged = async () => emit('datasets:changed', await datasets.list());

  const jobs = new TrainingJobs({
    spawn: options.spawnTrainer,
    prepare: (spec) => prepareJob(spec, datasets, models, recipes),
    save: async (files, meta) => {
      const summary = await models.save(files, meta);
      void modelsChanged();
      return summary;
    },
    emit: (event) => emit('training:event', event),
    log,
  });

  /**
   * A set a training job (running or paused) uses keeps its classes while the job lasts: deleting the
   * set, or renaming or deleting one of its classes, is refused. Samples may still be added, relabelled
   * or deleted: the trainer read the set when the job started.
   */
  const refuseWhileTraining = async (id: string, what: string) => {
    const { state, jobId, spec } = jobs.status();
    if (state === 'idle' || spec?.datasetId !== id) return;
    const title = (await custom.read(id).catch(() => null))?.title ?? id;
    throw new CoreError(
      'busy',
      `cannot ${what}: training job ${jobId} (${state}) uses the set ${JSON.stringify(title)}; cancel it first`,
    );
  };

  const handlers: CoreHandlers = {
    'app:info': () => ({
      name: 'Glyph Lab',
      version,
      engineVersion: engineVersion(),
      userDataDir,
      platform: process.platform,
      cores: availableParallelism(),
    }),

    'datasets:list': () => datasets.list(),
    'datasets:create': async ({ title, classes }) => {
      const file = await custom.create(title, classes);
      void datasetsChanged();
      return datasets.customInfo(file);
    },
    'datasets:rename': async ({ id, title }) => {
      datasets.assertCustom(id);
      const info = await datasets.customInfo(await custom.rename(id, title));
      void datasetsChanged();
      return info;
    },
    'datasets:delete': async ({ id }) => {
      datasets.assertCustom(id);
      await refuseWhileTraining(id, 'delete this set');
      await custom.delete(id);
      void datasetsChanged();
    },
    'datasets:addClass': async ({ id, label }) => {
      datasets.assertCustom(id);
      const info = await datasets.customInfo(await custom.addClass(id, label));
      void datasetsChanged();
      return info;
    },
    'datasets:renameClass': async ({ id, from, to }) => {
      datasets.assertCustom(id);
      await refuseWhileTraining(id, `rename the class ${JSON.stringify(from)}`);
      const info = await datasets.customInfo(await custom.renameClass(id, from, to));
      void datasetsChanged();
      return info;
    },
    'datasets:deleteClass': async ({ id, label }) => {
      datasets.assertCustom(id);
      await refuseWhileTraining(id, `delete the class ${JSON.stringify(label)}`);
      const info = await datasets.customInfo(await custom.deleteClass(id, label));
      void datasetsChanged();
      return info;
    },
    'datasets:images': async ({ id, split, indices }) =>
      work.run('images', { data: await datasets.trainerData(id), split, indices }),
    'datasets:export': async ({ id, format, path: target }) =>
      exportDataset(datasets, id, target, journal, format),
    'datasets:import': async (input) => {
      datasets.assertCustom(input.id);
      const report = await importSetFiles(samples, input, (format, paths) =>
        // main reads only what it was granted: no classes.json beside the labels unless chosen too
        work.run('readSet', { format, paths, options: { classesBeside: false } }),
      );
      void datasetsChanged();
      return report;
    },

    'samples:list': ({ datasetId, label }) => samples.list({ datasetId, label }),
    'samples:add': async (input) => {
      datasets.assertCustom(input.datasetId);
      const info = await samples.add(input);
      void datasetsChanged();
      return info;
    },
    'samples:relabel': async (input) => {
      const info = await samples.relabel(input);
      void datasetsChanged();
      return info;
    },
    'samples:delete': async (input) => {
      await samples.delete(input);
      void datasetsChanged();
    },
    'samples:suspicious': async ({ datasetId }) => {
      // The newest model trained on the set; its flags that still stand (same sample, same label).
      const newest = (await models.list())
        .filter((m) => m.datasetId === datasetId && !m.builtin)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (!newest) return null;
      const flagged = readAppMeta((await models.get(newest.id)).json).suspicious ?? [];
      const labels = new Map((await samples.list({ datasetId })).map((s) => [s.id, s.label]));
      return {
        modelId: newest.id,
        modelName: newest.name,
        samples: flagged.filter((s) => labels.get(s.id) === s.label),
      };
    },
    'samples:import': async ({ datasetId, label, paths }) => {
      datasets.assertCustom(datasetId);
      const report = await importImages(samples, datasetId, label, paths, (file) =>
        work.run('decode', { file }),
      );
      void datasetsChanged();
      return report;
    },

    'models:list': () => models.list(),
    'models:get': ({ id }) => models.get(id),
    'models:active': ({ datasetId }) => models.active(datasetId),
    'models:activate': async ({ id }) => {
      const summary = await models.activate(id);
      void modelsChanged();
      return summary;
    },
    'models:rename': async ({ id, name }) => {
      const summary = await models.rename(id, name);
      void modelsChanged();
      return summary;
    },
    'models:delete': async ({ id }) => {
      await models.delete(id);
      void modelsChanged();
    },
    'models:skipped': async () => {
      await models.list();
      return [...models.skipped];
    },
    'models:evaluate': async ({ id, datasetId }) => {
      const model = await models.get(id);
      return work.run('evaluate', {
        data: await datasets.trainerData(datasetId ?? model.summary.datasetId),
        model,
      });
    },
    'models:export': async ({ id, format, path: target }) =>
      exportModel(models, id, format, target, version, journal),
    'models:import': async ({ path: source }) => {
      const summary = await models.importFrom(source);
      void modelsChanged();
      return summary;
    },

    'recipes:list': async () =>
      Promise.all((await recipes.list(log)).map((r) => summarizeRecipe(r, datasets.dataDir))),

    'training:start': (spec) => jobs.start(spec),
    'training:pause': () => jobs.pause(),
    'training:resume': () => jobs.resume(),
    'training:cancel': () => jobs.cancel(),
    'training:status': () => jobs.status(),
  };

  return {
    handlers,
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async dispose() {
      await jobs.dispose();
      await work.close();
      listeners.clear();
    },
    services: { datasets, custom, samples, models, jobs },
  };
}
