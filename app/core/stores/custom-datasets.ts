// The user's own datasets: one folder each under `<userDataDir>/datasets/<id>/`, holding
// `dataset.json` (title, classes in order, the folder of each class) and one image folder per class
// (`<labelFolder>/<sampleId>.png` + `.json`, see sample-store.ts). Every change to a dataset runs
// through one queue per dataset and, because the app and the CLI share the folder, a lock file
// (`<root>/.locks/<id>.lock`, datasets/io/file-lock.ts), so no two writers interleave.
//
// dataset.json and the folders on disk are reconciled before every change and whenever a read finds
// them apart: a class rename is first recorded in dataset.json (`movingFrom`) and the folder moved
// after, so a crash between the two is finished on the next open; a folder of samples that no class
// lists (an older version's interrupted rename, a class delete cut short) is listed again.

import { randomBytes } from 'node:crypto';
import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import {
  exists,
  isTempName,
  removeDirAtomic,
  sweepTemps,
  writeFileAtomic,
} from '../../../datasets/io/atomic';
import { LockTimeoutError, withFileLock } from '../../../datasets/io/file-lock';
import { folderToLabel, labelToFolder } from '../../../datasets/io/label-folder';
import { parseJson } from '../../../datasets/json-text';
import { CoreError, messageOf } from '../../shared/errors';
import { KeyedQueue } from './keyed-queue';

export const DATASET_FORMAT = 'glyph-lab-dataset';
export const DATASET_VERSION = 1;

export interface ClassEntry {
  label: string;
  folder: string;
  /** Set while a rename moves the class's samples: the folder they may still be in after a crash. */
  movingFrom?: string;
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

/** One thing to put right: a rename's unfinished move, or a folder of samples no class lists. */
type Repair = { kind: 'move'; entry: ClassEntry } | { kind: 'list'; folder: string };

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

  private lockFile(id: string): string {
    this.dir(id); // refuses ids that are not folder names
    return path.join(this.root, '.locks', `${id}.lock`);
  }

  /**
   * Run `task` with the dataset's writes serialized, in this process and across processes, after
   * repairing what an interrupted change left. Inside, read with `readUnlocked`.
   */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(id, async () => {
      try {
        return await withFileLock(this.lockFile(id), async () => {
          await this.repairUnlocked(id);
          return task();
        });
      } catch (error) {
        if (!(error instanceof LockTimeoutError)) throw error;
        throw new CoreError(
          'busy',
          `the dataset ${id} is being changed by another program: ${error.message}`,
        );
      }
    });
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
      if (isTempName(name) || name.startsWith('.')) continue;
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

  /** The dataset as on disk, repaired first if an interrupted change left it apart from its folders. */
  async read(id: string): Promise<CustomDatasetFile> {
    const file = await this.readUnlocked(id);
    if ((await this.repairs(file)).length === 0) return file;
    return this.exclusive(id, () => this.readUnlocked(id));
  }

  /** dataset.json as it is (inside `exclusive`, which has repaired it). */
  async readUnlocked(id: string): Promise<CustomDatasetFile> {
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

  /** Update dataset.json under the dataset's queue and lock. */
  update(id: string, change: (file: CustomDatasetFile) => Promise<void> | void): Promise<CustomDatasetFile> {
    return this.exclusive(id, async () => {
      const file = await this.readUnlocked(id);
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
      await this.readUnlocked(id);
      await removeDirAtomic(this.dir(id));
    });
  }

  /** Add a class (no-op when it exists); callers already inside the queue use `addClassUnlocked`. */
  addClass(id: string, label: string): Promise<CustomDatasetFile> {
    return this.exclusive(id, () => this.addClassUnlocked(id, label));
  }

  async addClassUnlocked(id: string, label: string): Promise<CustomDatasetFile> {
    const file = await this.readUnlocked(id);
    let entry = file.classes.find((c) => c.label === label);
    if (!entry) {
      entry = { label, folder: labelToFolder(label) };
      file.classes.push(entry);
    }
    await fs.mkdir(path.join(this.dir(id), entry.folder), { recursive: true });
    await this.write(file);
    return file;
  }

  /**
   * Rename a class, crash-safe: dataset.json first lists the class under its new name and folder with
   * `movingFrom` (the old folder), then the folder moves, then the note is dropped. A crash at any
   * point leaves a state `repairUnlocked` finishes: no sample is ever outside a listed class.
   */
  renameClass(id: string, from: string, to: string): Promise<CustomDatasetFile> {
    return this.exclusive(id, async () => {
      const file = await this.readUnlocked(id);
      const entry = file.classes.find((c) => c.label === from);
      if (!entry) throw new CoreError('not-found', `no class ${JSON.stringify(from)} in ${id}`);
      if (from === to) return file;
      if (file.classes.some((c) => c.label === to)) {
        throw new CoreError('invalid', `class ${JSON.stringify(to)} already exists in ${id}`);
      }
      const folder = labelToFolder(to);
      entry.label = to;
      if (folder !== entry.folder) {
        entry.movingFrom = entry.folder;
        entry.folder = folder;
        await this.write(file);
        await this.moveClassFolder(id, entry);
        delete entry.movingFrom;
      }
      await this.write(file);
      return file;
    });
  }

  /** Delete a class: dataset.json drops it first, then its folder goes (a crash between re-lists it). */
  deleteClass(id: string, label: string): Promise<CustomDatasetFile> {
    return this.exclusive(id, async () => {
      const file = await this.readUnlocked(id);
      const entry = file.classes.find((c) => c.label === label);
      if (!entry) throw new CoreError('not-found', `no class ${JSON.stringify(label)} in ${id}`);
      file.classes = file.classes.filter((c) => c !== entry);
      await this.write(file);
      try {
        await removeDirAtomic(path.join(this.dir(id), entry.folder));
      } catch {
        // The folder was never created: nothing to remove.
      }
      return file;
    });
  }

  /** Move a renamed class's samples from `movingFrom` into `folder` (whole folder, or file by file). */
  private async moveClassFolder(id: string, entry: ClassEntry): Promise<void> {
    const source = path.join(this.dir(id), entry.movingFrom!);
    const target = path.join(this.dir(id), entry.folder);
    if (!(await exists(source))) {
      // Already moved (the crash came after the rename), or the class never had a folder.
      await fs.mkdir(target, { recursive: true });
      return;
    }
    if (!(await exists(target))) {
      await fs.rename(source, target);
      return;
    }
    // Both exist (a folder left under the new name): merge, JSONs before PNGs so a sample moves whole.
    const names = (await fs.readdir(source)).filter((n) => !isTempName(n));
    names.sort((a, b) => Number(a.endsWith('.png')) - Number(b.endsWith('.png')));
    for (const name of names) await fs.rename(path.join(source, name), path.join(target, name));
    await fs.rm(source, { recursive: true, force: true });
  }

  /** What is apart between dataset.json and the folders: unfinished moves, and unlisted folders of samples. */
  private async repairs(file: CustomDatasetFile): Promise<Repair[]> {
    const out: Repair[] = file.classes
      .filter((c) => c.movingFrom !== undefined)
      .map((entry) => ({ kind: 'move', entry }));
    const known = new Set(file.classes.flatMap((c) => [c.folder, c.movingFrom ?? c.folder]));
    let entries: Dirent[];
    try {
      entries = await fs.readdir(this.dir(file.id), { withFileTypes: true });
    } catch {
      return out;
    }
    for (const e of entries) {
      if (!e.isDirectory() || known.has(e.name) || isTempName(e.name) || e.name.startsWith('.')) continue;
      const names = await fs.readdir(path.join(this.dir(file.id), e.name)).catch(() => [] as string[]);
      if (names.some((n) => n.endsWith('.png') && !isTempName(n))) out.push({ kind: 'list', folder: e.name });
    }
    return out;
  }

  /** Bring dataset.json and the folders together again (inside `exclusive`); a no-op when they agree. */
  private async repairUnlocked(id: string): Promise<void> {
    let file: CustomDatasetFile;
    try {
      file = await this.readUnlocked(id);
    } catch {
      return; // not created yet, or deleted: nothing to repair
    }
    const repairs = await this.repairs(file);
    if (repairs.length === 0) return;
    for (const repair of repairs) {
      if (repair.kind === 'move') {
        await this.moveClassFolder(id, repair.entry);
        this.log(`datasets: ${id}: finished moving class ${repair.entry.label} to ${repair.entry.folder}`);
        delete repair.entry.movingFrom;
      } else {
        // Samples no class lists: list them under the label their folder encodes.
        let label = folderToLabel(repair.folder);
        const base = label;
        for (let n = 2; file.classes.some((c) => c.label === label); n++) label = `${base} (${n})`;
        file.classes.push({ label, folder: repair.folder });
        this.log(`datasets: ${id}: listed the unlisted folder ${repair.folder} as class ${label}`);
      }
    }
    await this.write(file);
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

  /** At start-up: repair every dataset (through `list`) and clear leftovers of interrupted writes. */
  async sweep(): Promise<void> {
    await sweepTemps(this.root);
    for (const file of await this.list()) {
      await this.exclusive(file.id, async () => {
        await sweepTemps(this.dir(file.id));
        for (const c of (await this.readUnlocked(file.id)).classes)
          await sweepTemps(path.join(this.dir(file.id), c.folder));
      });
    }
  }
}
