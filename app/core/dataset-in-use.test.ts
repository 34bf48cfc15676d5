// A set that a training job uses, with the REAL trainer child process: it cannot be deleted (nor its
// classes renamed or deleted) while the job runs or is paused, and no job or evaluation reports a
// test on 0 images as a result.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingEvent, TrainingSpec } from '../shared/types';
import type { Core } from './core';
import { coreForFile } from './test-core';
import { barImage, barSet as barSetOf, tinySpec } from './test-helpers';

let core: Core;
const events = coreForFile((c) => {
  core = c;
});

/** The first training event of `jobId` matching `test`. */
async function next(jobId: string, test: (e: TrainingEvent) => boolean): Promise<TrainingEvent> {
  for (;;) {
    const seen = events.find((e) => e.jobId === jobId && test(e));
    if (seen) return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const isEnd = (e: TrainingEvent) => e.type === 'done' || e.type === 'error' || e.type === 'cancelled';

/** The MLP preset on a custom set, small batches, no validation split; no name, no limit. */
const spec = (datasetId: string, over: Partial<TrainingSpec> = {}): TrainingSpec =>
  tinySpec({
    datasetId,
    architecture: 'mlp',
    layers: undefined,
    batchSize: 4,
    epochs: 2,
    validationSplit: 0,
    limit: undefined,
    name: undefined,
    ...over,
  });

const barSet = (title: string, n: number) => barSetOf(core, title, n);

describe('a set in use by a training job', () => {
  it('refuses deleting the set, and renaming or deleting its classes, while the job runs or is paused', async () => {
    const set = await barSet('Bars in use', 10);
    const { jobId } = await core.handlers['training:start'](spec(set.id, { epochs: 1000 }));
    await next(jobId, (e) => e.type === 'progress');
    const busy = new RegExp(
      `training job ${jobId} \\(running\\) uses the set "Bars in use"; cancel it first`,
    );
    await expect(core.handlers['datasets:delete']({ id: set.id })).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(busy),
    });
    await expect(core.handlers['datasets:deleteClass']({ id: set.id, label: 'left' })).rejects.toThrow(busy);
    await expect(
      core.handlers['datasets:renameClass']({ id: set.id, from: 'left', to: 'l' }),
    ).rejects.toThrow(busy);
    // Samples may still be saved: the trainer read the set when the job started.
    await core.handlers['samples:add']({ datasetId: set.id, label: 'left', image: barImage(7), strokes: [] });

    core.handlers['training:pause'](undefined);
    await next(jobId, (e) => e.type === 'paused');
    await expect(core.handlers['datasets:delete']({ id: set.id })).rejects.toThrow(/\(paused\) uses the set/);

    core.handlers['training:cancel'](undefined);
    expect((await next(jobId, isEnd)).type).toBe('cancelled');
    await core.handlers['datasets:renameClass']({ id: set.id, from: 'left', to: 'l' });
    await core.handlers['datasets:delete']({ id: set.id });
    expect((await core.handlers['datasets:list'](undefined)).some((d) => d.id === set.id)).toBe(false);
  });

  it('refuses to start on a set too small to hold any sample out for testing', async () => {
    const set = await barSet('Too few', 4);
    await expect(core.handlers['training:start'](spec(set.id))).rejects.toThrow(
      /Too few has no samples to hold out for testing: .*at least 5/,
    );
    expect(core.handlers['training:status'](undefined)).toEqual({ state: 'idle' });
  });

  it('ends with an error, saving nothing, when the samples cannot be read by the time the trainer loads them', async () => {
    // Five files per class on disk, one of which does not decode (as a set deleted or damaged by
    // another program would leave it): the trainer finds four images per class, so none held out.
    const set = await barSet('Damaged', 4);
    const dir = core.services.custom.dir(set.id);
    for (const folder of ['left', 'right'])
      await fs.writeFile(path.join(dir, folder, 'sbroken.png'), 'not a png');
    const before = (await core.handlers['models:list'](undefined)).length;
    const { jobId } = await core.handlers['training:start'](spec(set.id));
    const end = await next(jobId, isEnd);
    expect(end).toMatchObject({
      type: 'error',
      kind: 'io',
      message: expect.stringMatching(/has no readable test images .*nothing was trained or saved/),
    });
    expect((await core.handlers['models:list'](undefined)).length).toBe(before);
  });

  it('refuses to evaluate a model on a split with no images', async () => {
    const set = await barSet('Few', 2);
    const model = (await core.handlers['models:list'](undefined))[0]!;
    await expect(core.handlers['models:evaluate']({ id: model.id, datasetId: set.id })).rejects.toThrow(
      /test split has no images to evaluate on/,
    );
  });
});
