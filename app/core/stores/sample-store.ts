// Saved samples of a custom dataset: `<dataset>/<labelFolder>/<sampleId>.png` (the 28×28 image the
// network sees, grey, ink 255 on paper 0 like MNIST) plus `<sampleId>.json` (label, time, raw strokes).
// The PNG is the sample: it is written last (temp + fsync + rename), so a crash leaves either no
// sample or a whole one; a stray `.json` without its PNG is ignored. Moves are renames.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toBytes } from '../../../datasets/idx';
import { isTempName, writeFileAtomic } from '../../../datasets/io/atomic';
import { encodePng, readImageInput } from '../../../datasets/io/image-file';
import { parseJson } from '../../../datasets/json-text';
import { CoreError } from '../../shared/errors';
import type { SampleInfo, StrokeData } from '../../shared/types';
import type { CustomDatasets } from './custom-datasets';

export const SIDE = 28;

interface SampleMeta {
  id: string;
  label: string;
  createdAt: string;
  strokes: StrokeData[];
}

/** A stored sample PNG → the network's input ([784] floats, ink = 1); other tools' images are normalized. */
export function readSample(file: string): Promise<Float32Array> {
  return readImageInput(file, { normalize: 'auto' });
}

function newSampleId(): string {
  return `s${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

export class SampleStore {
  constructor(private readonly datasets: CustomDatasets) {}

  private classDir(datasetId: string, folder: string): string {
    return path.join(this.datasets.dir(datasetId), folder);
  }

  /** Save a sample under `label` (the class is created if new); `image` is [784] floats, ink = 1. */
  async add(input: {
    datasetId: string;
    label: string;
    image: Float32Array;
    strokes: StrokeData[];
  }): Promise<SampleInfo> {
    const { datasetId, label, image, strokes } = input;
    if (image.length !== SIDE * SIDE) throw new CoreError('invalid', 'a sample must be 28×28');
    return this.datasets.exclusive(datasetId, async () => {
      const file = await this.datasets.addClassUnlocked(datasetId, label);
      const folder = file.classes.find((c) => c.label === label)!.folder;
      const meta: SampleMeta = { id: newSampleId(), label, createdAt: new Date().toISOString(), strokes };
      const dir = this.classDir(datasetId, folder);
      await writeFileAtomic(path.join(dir, `${meta.id}.json`), JSON.stringify(meta));
      await writeFileAtomic(path.join(dir, `${meta.id}.png`), await encodePng(image));
      return { id: meta.id, datasetId, label, createdAt: meta.createdAt, image: toBytes(image) };
    });
  }

  /** Find the class folder holding sample `id`. */
  private async locate(datasetId: string, id: string): Promise<{ label: string; folder: string }> {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new CoreError('not-found', `no sample ${JSON.stringify(id)}`);
    const file = await this.datasets.readUnlocked(datasetId); // callers hold the dataset's lock
    for (const c of file.classes) {
      try {
        await fs.access(path.join(this.classDir(datasetId, c.folder), `${id}.png`));
        return c;
      } catch {
        // Not in this class.
      }
    }
    throw new CoreError('not-found', `no sample ${JSON.stringify(id)} in ${datasetId}`);
  }

  private async readMeta(dir: string, id: string): Promise<Partial<SampleMeta>> {
    try {
      const file = path.join(dir, `${id}.json`);
      return parseJson(await fs.readFile(file, 'utf8'), file) as SampleMeta; // too deep: as if missing
    } catch {
      return {};
    }
  }

  private async info(datasetId: string, label: string, folder: string, id: string): Promise<SampleInfo> {
    const dir = this.classDir(datasetId, folder);
    const png = path.join(dir, `${id}.png`);
    const meta = await this.readMeta(dir, id);
    const createdAt = meta.createdAt ?? (await fs.stat(png)).mtime.toISOString();
    return { id, datasetId, label, createdAt, image: toBytes(await readSample(png)) };
  }

  /** Move a sample to another class: the JSON moves first, the PNG (the sample itself) last. */
  relabel(input: { datasetId: string; id: string; label: string }): Promise<SampleInfo> {
    const { datasetId, id, label } = input;
    return this.datasets.exclusive(datasetId, async () => {
      const from = await this.locate(datasetId, id);
      const file = await this.datasets.addClassUnlocked(datasetId, label);
      const to = file.classes.find((c) => c.label === label)!;
      const fromDir = this.classDir(datasetId, from.folder);
      const toDir = this.classDir(datasetId, to.folder);
      if (from.folder !== to.folder) {
        const meta = await this.readMeta(fromDir, id);
        await writeFileAtomic(path.join(toDir, `${id}.json`), JSON.stringify({ ...meta, id, label }));
        await fs.rename(path.join(fromDir, `${id}.png`), path.join(toDir, `${id}.png`));
        await fs.rm(path.join(fromDir, `${id}.json`), { force: true });
      }
      return this.info(datasetId, label, to.folder, id);
    });
  }

  delete(input: { datasetId: string; id: string }): Promise<void> {
    const { datasetId, id } = input;
    return this.datasets.exclusive(datasetId, async () => {
      const at = await this.locate(datasetId, id);
      const dir = this.classDir(datasetId, at.folder);
      await fs.rm(path.join(dir, `${id}.png`));
      await fs.rm(path.join(dir, `${id}.json`), { force: true });
    });
  }

  /** Samples of a dataset (optionally one class), oldest first. */
  async list(input: { datasetId: string; label?: string }): Promise<SampleInfo[]> {
    const file = await this.datasets.read(input.datasetId);
    const classes =
      input.label === undefined ? file.classes : file.classes.filter((c) => c.label === input.label);
    const out: SampleInfo[] = [];
    for (const c of classes) {
      let names: string[] = [];
      try {
        names = await fs.readdir(this.classDir(input.datasetId, c.folder));
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!name.endsWith('.png') || isTempName(name)) continue;
        try {
          out.push(await this.info(input.datasetId, c.label, c.folder, name.slice(0, -4)));
        } catch {
          // Removed while listing, or unreadable: not a sample.
        }
      }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
