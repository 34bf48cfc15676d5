// The audit's IPC fuzz as a test, with a fixed seed: hostile payloads on every channel of the
// contract (and the preload's), through registerIpc and dispatch into the real core on a real
// user-data folder; then forged senders on every channel. Nothing may crash, reject unhandled, or
// change the stores; every refusal is a clear InvalidRequestError or CoreError.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../core';
import { barImage } from '../core/test-helpers';
import { type Channel, channels, contract, InvalidRequestError, preloadChannels } from '../shared/api';
import type { DatasetInfo, SampleInfo } from '../shared/types';
import { APP_URL } from './app-protocol';
import { FakeWebContents } from './test/fake-electron';
import { examples, forgedGrant, junk, mutate, Rng } from './test/fuzz-payloads';
import { type IpcHarness, ipcHarness } from './test/ipc-harness';

const SEED = 20_260_414;
/** Payloads per channel: the audit's 7,260 over 33 channels. */
const PER_CHANNEL = 220;

let h: IpcHarness;
let realIds: Set<string>;
let hostile: { ids: string[]; grants: string[] };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** Every file under the user-data folder with its size and modification time, and what the channels list. */
async function snapshot(): Promise<unknown> {
  const root = path.join(h.dir, 'user');
  // Files only, and not the lock files: a refused request may still have taken (and released) a
  // store's cross-process lock, which creates its `.locks/` folder; that is bookkeeping, not data.
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.split(path.sep).includes('.locks'))
    .sort();
  const stats = await Promise.all(
    files.map(async (f) => {
      const s = await fs.stat(path.join(root, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    }),
  );
  const sets = (await h.invoke('datasets:list')) as DatasetInfo[];
  const samples = await Promise.all(
    sets.filter((s) => s.custom).map((s) => h.invoke('samples:list', { datasetId: s.id })),
  );
  return { stats, sets, samples, models: await h.invoke('models:list') };
}

/** Strings anywhere in a payload (to keep well-formed payloads away from what exists). */
function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 20) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value))
    for (const v of Object.values(value)) strings(v, out, depth + 1);
  return out;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  h = await ipcHarness();
  // Something to lose: a custom set with a sample in each class.
  const set = (await h.invoke('datasets:create', { title: 'Kept', classes: ['a', 'b'] })) as DatasetInfo;
  const kept: SampleInfo[] = [];
  for (const [label, x] of [
    ['a', 5],
    ['b', 20],
  ] as const)
    kept.push(
      (await h.invoke('samples:add', {
        datasetId: set.id,
        label,
        image: barImage(x),
        strokes: [],
      })) as SampleInfo,
    );
  realIds = new Set([set.id, ...kept.map((s) => s.id), 'mnist']);
  // Grants main really issued, for the wrong access or for paths that are not there.
  const outside = path.join(h.dir, 'outside');
  hostile = {
    ids: [...realIds, '..', '../..', 'models', 'datasets', `../datasets/${set.id}`, '/etc/passwd'],
    grants: [
      ...Array.from({ length: 20 }, (_, i) => h.grants.issue(path.join(outside, `w${i}`), 'write').grant),
      ...Array.from({ length: 20 }, (_, i) => h.grants.issue(path.join(outside, `r${i}.png`), 'read').grant),
    ],
  };
}, 60_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await h.dispose();
});

describe('IPC fuzz (seeded)', () => {
  it('hostile payloads on every channel: clear refusals, no crash, no unhandled rejection, stores unchanged', async () => {
    const rng = new Rng(SEED);
    const valid = examples(rng);
    const before = await snapshot();
    const counts = { payloads: 0, malformed: 0, wellFormed: 0, resolved: 0, invalid: 0, core: 0, skipped: 0 };
    const wrong: string[] = [];
    const started = performance.now();

    for (const channel of [...channels, ...preloadChannels]) {
      const isPreload = !(channel in contract);
      for (let done = 0, tries = 0; done < PER_CHANNEL && tries < PER_CHANNEL * 10; tries++) {
        const payload = isPreload
          ? rng.int(2)
            ? junk(rng)
            : path.join(h.dir, 'nowhere', forgedGrant(rng))
          : mutate(rng, valid[channel as Channel], hostile);
        const wellFormed = isPreload
          ? typeof payload === 'string' && payload.length >= 2 && payload.length <= 4096
          : contract[channel as Channel].input.safeParse(payload).success;
        // A well-formed request that names something real would rightly change it: not a fuzz case.
        if (wellFormed && (channel === 'datasets:create' || strings(payload).some((s) => realIds.has(s)))) {
          counts.skipped++;
          continue;
        }
        done++;
        counts.payloads++;
        counts[wellFormed ? 'wellFormed' : 'malformed']++;
        try {
          await h.invoke(channel, payload);
          counts.resolved++;
          if (!wellFormed) wrong.push(`${channel}: malformed payload accepted: ${brief(payload)}`);
        } catch (error) {
          if (error instanceof InvalidRequestError) counts.invalid++;
          else if (error instanceof CoreError && wellFormed) counts.core++;
          else
            wrong.push(
              `${channel}: ${(error as Error)?.name}: ${(error as Error)?.message} for ${brief(payload)}`,
            );
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // Let any stray promise settle before looking for unhandled rejections.
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(
      `IPC fuzz, seed ${SEED}: ${counts.payloads} payloads over ${channels.length + preloadChannels.length} channels ` +
        `(${counts.malformed} malformed, ${counts.wellFormed} well-formed naming nothing real; ${counts.skipped} skipped) ` +
        `→ ${counts.invalid} InvalidRequestError, ${counts.core} CoreError, ${counts.resolved} answered; ` +
        `${wrong.length} wrong, ${unhandled.length} unhandled rejections, ${seconds.toFixed(1)} s`,
    );
    expect(wrong).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(counts.payloads).toBe((channels.length + preloadChannels.length) * PER_CHANNEL);
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype untouched').toBeUndefined();
    expect(await h.invoke('training:status')).toEqual({ state: 'idle' });
  }, 60_000);

  it('forged senders are refused on every channel before anything runs', async () => {
    const rng = new Rng(SEED + 1);
    const valid = examples(rng);
    const before = await snapshot();
    const grantsBefore = h.grants.size;
    const other = new FakeWebContents();
    const foreignUrls = [
      'https://evil.test/',
      'file:///etc/passwd',
      'file:///opt/glyph-lab/dist/renderer/index.html',
      'app://evil/index.html',
      'app://glyph-lab/other.html',
      'http://localhost:5173/',
      'about:blank',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
    ];
    const ipcHandle = (channel: string) => h.ipc.handlers.get(channel)!;
    let forged = 0;
    const accepted: string[] = [];
    for (const channel of [...channels, ...preloadChannels]) {
      // The most harmful input each could carry: a new set, a drop of /usr/share, real requests.
      const payload =
        channel === 'files:grantDropped'
          ? '/usr/share'
          : channel === 'datasets:create'
            ? { title: 'Forged', classes: ['x'] }
            : valid[channel as Channel];
      const attempts: Promise<unknown>[] = [
        h.ipc.invoke(channel, payload, { sender: other, url: APP_URL }),
        h.ipc.invoke(channel, payload, { sender: h.own, url: APP_URL, parent: {} }),
        Promise.resolve().then(() => ipcHandle(channel)({ sender: h.own, senderFrame: null }, payload)),
        ...foreignUrls.map((url) => h.ipc.invoke(channel, payload, { sender: h.own, url })),
      ];
      for (const attempt of attempts) {
        forged++;
        try {
          await attempt;
          accepted.push(channel);
        } catch (error) {
          if (!/untrusted sender was refused/.test((error as Error).message))
            accepted.push(`${channel}: ${error}`);
        }
      }
    }
    console.log(`forged senders: ${forged - accepted.length} of ${forged} refused`);
    expect(accepted).toEqual([]);
    expect(forged).toBe((channels.length + preloadChannels.length) * (3 + foreignUrls.length));
    expect(h.grants.size).toBe(grantsBefore);
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});

function brief(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    return (text ?? String(payload)).slice(0, 160);
  } catch {
    return String(payload).slice(0, 160);
  }
}
