// The user's own datasets: one folder each under `<userDataDir>/datasets/<id>/`, holding
// `dataset.json` (title, classes in order, the folder of each class) and one image folder per class
// (`<labelFolder>/<sampleId>.png` + `.json`, see sample-store.ts). Every change to a dataset runs
// through one queue per dataset, so concurrent requests never interleave their writes.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isTempName, removeDirAtomic, sweepTemps, writeFileAtomic } from '../../datasets/io/atomic';
import { labelToFolder } from '../../datasets/io/label-folder';
import { parseJson } from '../../datasets/json-text';
import { CoreError, messageOf } from './errors';
import { KeyedQueue } from './keyed-queue';

export const DATASET_FORMAT = 'glyph-lab-dataset';
export const DATASET_VERSION = 1;

export interface ClassEntry {
  label: string;
  folder: string;
}

export interface CustomDatasetFile {
  format: typeof DATASET_FORMAT;
  version: number;
  id: string;
  title: string;
  createdAt: string;
  classes: ClassEntry[];
}

function parseDatasetFile(text: string, id: string): CustomDatasetFile {
  const data = parseJson(text, `${id}/dataset.json`) as Partial<CustomDatasetFile> | null;
  if (data === null || typeof data !== 'object') throw new Error(`${id}/dataset.json is not an object`);
  if (data.format !== DATASET_FORMAT)
    throw new Error(`not a Glyph Lab dataset (format ${String(data.format)})`);
  if (data.version !== DATASET_VERSION) throw new Error(`unknown dataset version ${String(data.version)}`);
  if (typeof data.title !== 'string' || !Array.isArray(data.classes))
    throw new Error('dataset.json is incomplete');
  return { ...(data as CustomDatasetFile), id };
}

export class CustomDatasets {
  readonly queue = new KeyedQueue();

  constructor(
    readonly root: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  dir(id: string): string {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      throw new CoreError('not-found', `no custom dataset ${JSON.stringify(id)}`);
    return path.join(this.root, id);
  }

  /** Run `task` with the dataset's writes serialized. */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(id, task);
  }

  async list(): Promise<CustomDatasetFile[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.root);
    } catch {
      return [];
    }
    const out: CustomDatasetFile[] = [];
    for (const name of names.sort()) {
      if (isTempName(name)) continue;
      try {
        out.push(await this.read(name));
      } catch (error) {
        this.log(`datasets: skipped ${name}: ${messageOf(error)}`);
      }
    }
    return out;
  }

  async has(id: string): Promise<boolean> {
    try {
      await this.read(id);
      return true;
    } catch {
      return false;
    }
  }

  async read(id: string): Promise<CustomDatasetFile> {
    let text: string;
    try {
      text = await fs.readFile(path.join(this.dir(id), 'dataset.json'), 'utf8');
    } catch {
      throw new CoreError('not-found', `no custom dataset ${JSON.stringify(id)}`);
    }
    return parseDatasetFile(text, id);
  }

  private async write(file: CustomDatasetFile): Promise<void> {
    await writeFileAtomic(path.join(this.dir(file.id), 'dataset.json'), `${JSON.stringify(file, null, 2)}\n`);
  }

  /** Update dataset.json under the dataset's queue. */
  update(id: string, change: (file: CustomDatasetFile) => Promise<void> | void): Promise<CustomDatasetFile> {
    return this.exclusive(id, async () => {
      const file = await this.read(id);
      await change(file);
      await this.write(file);
      return file;
    });
  }

  async create(title: string, classes: string[] = []): Promise<CustomDatasetFile> {
    const slug =
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'set';
    const id = `custom-${slug}-${randomBytes(3).toString('hex')}`;
    const unique = [...new Set(classes)];
    const file: CustomDatasetFile = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      id,
      title,
      createdAt: new Date().toISOString(),
      classes: unique.map((label) => ({ label, folder: labelToFolder(label) })),
    };
    await this.exclusive(id, async () => {
      await fs.mkdir(this.dir(id), { recursive: true });
      for (const c of file.classes) await fs.mkdir(path.join(this.dir(id), c.folder), { recursive: true });
      await this.write(file);
    });
    return file;
  }

  rename(id: string, title: string): Promise<CustomDatasetFile> {
    return this.update(id, (file) => {
      file.title = title;
    });
  }

  delete(id: string): Promise<void> {
    return this.exclusive(id, async () => {
      await this.read(id);
      await removeDirAtomic(this.dir(id));
    });
  }

  /** Add a class (no-op when it exists); callers already inside the queue use `addClassUnlocked`. */
  addClass(id: string, label: string): Promise<CustomDatasetFile> {
    return this.exclusive(id, () => this.addClassUnlocked(id, label));
  }

  async addClassUnlocked(id: string, label: string): Promise<CustomDatasetFile> {
    const file = await this.read(id);
    let entry = file.classes.find((c) => c.label === label);
    if (!entry) {
      entry = { label, folder: labelToFolder(label) };
      file.classes.push(entry);
    }
    await fs.mkdir(path.join(this.dir(id), entry.folder), { recursive: true });
    await this.write(file);
    return file;
  }

  /** Rename a class: its folder moves in one rename, then dataset.json is rewritten. */
  renameClass(id: string, from: string, to: string): Promise<CustomDatasetFile> {
    return this.update(id, async (file) => {
      const entry = file.classes.find((c) => c.label === from);
      if (!entry) throw new CoreError('not-found', `no class ${JSON.stringify(from)} in ${id}`);
      if (from === to) return;
      if (file.classes.some((c) => c.label === to)) {
        throw new CoreError('invalid', `class ${JSON.stringify(to)} already exists in ${id}`);
      }
      const folder = labelToFolder(to);
      const source = path.join(this.dir(id), entry.folder);
      const target = path.join(this.dir(id), folder);
      await fs.mkdir(source, { recursive: true });
      await fs.rename(source, target);
      entry.label = to;
      entry.folder = folder;
    });
  }

  deleteClass(id: string, label: string): Promise<CustomDatasetFile> {
    return this.update(id, async (file) => {
      const entry = file.classes.find((c) => c.label === label);
      if (!entry) throw new CoreError('not-found', `no class ${JSON.stringify(label)} in ${id}`);
      file.classes = file.classes.filter((c) => c !== entry);
      try {
        await removeDirAtomic(path.join(this.dir(id), entry.folder));
      } catch {
        // The folder was never created: nothing to remove.
      }
    });
  }

  /** Number of saved samples per class label. */
  async counts(file: CustomDatasetFile): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const c of file.classes) {
      let names: string[] = [];
      try {
        names = await fs.readdir(path.join(this.dir(file.id), c.folder));
      } catch {
        // No folder yet: no samples.
      }
      counts[c.label] = names.filter((n) => n.endsWith('.png') && !isTempName(n)).length;
    }
    return counts;
  }

  /** Clear leftovers of interrupted writes (temp files and folders) in every dataset. */
  async sweep(): Promise<void> {
    await sweepTemps(this.root);
    for (const file of await this.list()) {
      await sweepTemps(this.dir(file.id));
      for (const c of file.classes) await sweepTemps(path.join(this.dir(file.id), c.folder));
    }
  }
}
