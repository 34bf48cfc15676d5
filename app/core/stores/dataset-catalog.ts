// The catalog of every dataset the app knows: the bundled ones (read-only, described by
// datasets/bundled-datasets.ts, data built by `npm run datasets` into `<dataDir>/<id>/`) and the
// user's custom sets, as `DatasetInfo` listing entries for the renderer and as `TrainerData` for the
// trainer.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { listDatasets } from '../../../datasets/bundled-datasets';
import { CoreError } from '../../shared/errors';
import type { TrainerData } from '../../shared/trainer-protocol';
import type { DatasetInfo } from '../../shared/types';
import type { CustomDatasetFile, CustomDatasets } from './custom-datasets';

/** A bundled set's listing entry, and whether its data files have been built (`<dataDir>/<id>/manifest.json`). */
type BundledEntry = DatasetInfo & { available: boolean };

function listBundled(dataDir: string): BundledEntry[] {
  return listDatasets()
    .filter((d) => d.task !== 'custom')
    .map((d) => ({
      id: d.id,
      title: d.title,
      task: d.task,
      classes: [...d.classes],
      sizes: { train: d.sizes.train, test: d.sizes.test },
      provenance: `${d.provenance.source} ${d.provenance.authors}; ${d.provenance.licence}. ${d.provenance.processing}`,
      custom: false,
      available: existsSync(path.join(dataDir, d.id, 'manifest.json')),
    }));
}

export class DatasetCatalog {
  private bundledCache: BundledEntry[] | null = null;

  constructor(
    readonly dataDir: string,
    readonly custom: CustomDatasets,
  ) {}

  bundled(): BundledEntry[] {
    this.bundledCache ??= listBundled(this.dataDir);
    return this.bundledCache;
  }

  isBundled(id: string): boolean {
    return this.bundled().some((d) => d.id === id);
  }

  async customInfo(file: CustomDatasetFile): Promise<DatasetInfo> {
    const counts = await this.custom.counts(file);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      id: file.id,
      title: file.title,
      task: 'custom',
      classes: file.classes.map((c) => c.label),
      sizes: { train: total, test: 0 },
      provenance: `your own samples, created ${file.createdAt.slice(0, 10)}`,
      custom: true,
      counts,
    };
  }

  async list(): Promise<DatasetInfo[]> {
    const bundled: DatasetInfo[] = this.bundled().map(({ available: _, ...d }) => ({
      ...d,
      classes: [...d.classes],
      sizes: { ...d.sizes },
    }));
    const custom = await Promise.all((await this.custom.list()).map((f) => this.customInfo(f)));
    return [...bundled, ...custom];
  }

  async get(id: string): Promise<DatasetInfo> {
    const found = this.bundled().find((d) => d.id === id);
    if (found) return (await this.list()).find((d) => d.id === id)!;
    return this.customInfo(await this.custom.read(id));
  }

  /** Throws a clear error unless `id` is a custom set (bundled sets are read-only). */
  assertCustom(id: string): void {
    if (this.isBundled(id)) throw new CoreError('read-only', `the bundled dataset ${id} cannot be changed`);
  }

  /** Where the trainer reads dataset `id` from. */
  async trainerData(id: string): Promise<TrainerData> {
    const found = this.bundled().find((d) => d.id === id);
    if (found) {
      if (!found.available) {
        throw new CoreError('not-found', `the ${id} data is not built yet: run \`npm run datasets\``);
      }
      return { kind: 'bundled', datasetId: id, dataDir: this.dataDir };
    }
    const file = await this.custom.read(id);
    return {
      kind: 'folder',
      datasetId: id,
      dir: this.custom.dir(id),
      classes: file.classes.map((c) => c.label),
      folders: file.classes.map((c) => c.folder),
    };
  }
}
