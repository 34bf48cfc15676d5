// Seeded hostile payloads for main's IPC: for each channel a well-formed example (unknown ids, forged
// grants) and mutations of it — junk in place of the whole input or of one field, missing and extra
// fields, overlong, path-like and prototype-polluting strings, paths where grants belong, oversized
// and deeply nested arrays, non-finite numbers, typed arrays of the wrong kind. Only values the
// structured clone of Electron's IPC can carry.

import { Rng } from '../../../engine/rng';
import { tinySpec } from '../../core/test-helpers';
import type { Channel, InputOf } from '../../shared/api';

/** A token of the right shape that main never issued. */
export function forgedGrant(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < 43; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

const PATHS = [
  '/proc/self/environ',
  '/usr/share',
  '/etc/passwd',
  '../../../../etc/passwd',
  'relative/out',
  '.',
  '~',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  'file:///etc/passwd',
  '/tmp/x\u0000.png',
];
const STRINGS = [
  '',
  'x',
  '..',
  '../..',
  'a/b',
  '%2e%2e',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
  '★',
  ' ',
  'no-such-thing',
  ...PATHS,
];
const NUMBERS = [
  0,
  -1,
  1.5,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53,
  1e308,
  4097,
];

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Any structured-cloneable value, weighted toward the ones schemas forget. */
export function junk(rng: Rng, depth = 0): unknown {
  const pick = rng.int(depth > 2 ? 8 : 16);
  switch (pick) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return rng.next() < 0.5;
    case 3:
      return NUMBERS[rng.int(NUMBERS.length)];
    case 4:
    case 5:
      return STRINGS[rng.int(STRINGS.length)];
    case 6:
      return 'A'.repeat(rng.int(2) ? 5000 : 70_000);
    case 7:
      return PATHS[rng.int(PATHS.length)];
    case 8:
      return [junk(rng, depth + 1), junk(rng, depth + 1)];
    case 9:
      return { [STRINGS[rng.int(STRINGS.length)]!]: junk(rng, depth + 1) };
    case 10:
      return deepArray(rng.int(2) ? 50 : 5000);
    case 11:
      return [new Float32Array(784), new Uint8Array(784), new Float64Array(784), new Int32Array(3)][
        rng.int(4)
      ];
    case 12:
      return JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      );
    case 13:
      return [new Date(0), new Map([['a', 1]]), new Set([1]), BigInt(7), /x/][rng.int(5)];
    case 14:
      return Array.from({ length: rng.int(2) ? 1001 : 10_001 }, () => 'x');
    default:
      return forgedGrant(rng);
  }
}

/** Replace, remove or add one field, or the whole payload. */
export function mutate(rng: Rng, example: unknown, hostile: { ids: string[]; grants: string[] }): unknown {
  if (
    example === undefined ||
    example === null ||
    typeof example !== 'object' ||
    ArrayBuffer.isView(example)
  ) {
    return rng.int(4) === 0 ? { [STRINGS[rng.int(STRINGS.length)]!]: junk(rng) } : junk(rng);
  }
  const obj = { ...(example as Record<string, unknown>) };
  const keys = Object.keys(obj);
  const key = keys[rng.int(keys.length)]!;
  switch (rng.int(9)) {
    case 0:
      return junk(rng);
    case 1:
      delete obj[key];
      return obj;
    case 2:
    case 3:
      obj[key] = junk(rng);
      return obj;
    case 4:
      // A path, or a path-like id, where a grant or an id belongs.
      obj[key] = rng.int(3) === 0 ? [PATHS[rng.int(PATHS.length)]] : PATHS[rng.int(PATHS.length)];
      return obj;
    case 5:
      obj[key] = hostile.ids[rng.int(hostile.ids.length)];
      return obj;
    case 6:
      // A grant main issued, for the wrong access or already used, or a forged one.
      obj[key] = rng.int(2) ? hostile.grants[rng.int(hostile.grants.length)] : [forgedGrant(rng)];
      return obj;
    case 7:
      obj[STRINGS[rng.int(STRINGS.length)] || 'extra'] = junk(rng);
      return obj;
    default:
      return Object.fromEntries(keys.map((k) => [k, rng.int(2) ? junk(rng) : obj[k]]));
  }
}

/** A well-formed input per channel that names nothing that exists (ids, grants) — or nothing at all. */
export function examples(rng: Rng): { [C in Channel]: InputOf<C> } {
  const grant = forgedGrant(rng);
  return {
    'app:info': undefined,
    'datasets:list': undefined,
    'datasets:create': { title: 'Fuzz', classes: ['a'] },
    'datasets:rename': { id: 'no-such-set', title: 'x' },
    'datasets:delete': { id: 'no-such-set' },
    'datasets:addClass': { id: 'no-such-set', label: 'a' },
    'datasets:renameClass': { id: 'no-such-set', from: 'a', to: 'b' },
    'datasets:deleteClass': { id: 'no-such-set', label: 'a' },
    'datasets:images': { id: 'no-such-set', split: 'test', indices: [0] },
    'datasets:export': { id: 'no-such-set', format: 'csv', grant },
    'datasets:import': { id: 'no-such-set', format: 'idx', grants: [grant, forgedGrant(rng)] },
    'samples:list': { datasetId: 'no-such-set' },
    'samples:add': { datasetId: 'no-such-set', label: 'a', image: new Float32Array(784), strokes: [] },
    'samples:relabel': { datasetId: 'no-such-set', id: 'no-such-sample', label: 'b' },
    'samples:delete': { datasetId: 'no-such-set', id: 'no-such-sample' },
    'samples:suspicious': { datasetId: 'no-such-set' },
    'samples:import': { datasetId: 'no-such-set', label: 'a', grants: [grant] },
    'models:list': undefined,
    'models:get': { id: 'no-such-model' },
    'models:active': { datasetId: 'no-such-set' },
    'models:activate': { id: 'no-such-model' },
    'models:rename': { id: 'no-such-model', name: 'x' },
    'models:delete': { id: 'no-such-model' },
    'models:evaluate': { id: 'no-such-model' },
    'models:export': { id: 'no-such-model', format: 'native', grant },
    'models:import': { grant },
    'models:skipped': undefined,
    'recipes:list': undefined,
    'training:start': tinySpec({ datasetId: 'no-such-set' }),
    'training:pause': undefined,
    'training:resume': undefined,
    'training:cancel': undefined,
    'training:status': undefined,
    'dialog:openFiles': { title: 'Open', extensions: ['png'], folders: false },
    'dialog:saveFile': { title: 'Save', defaultName: 'x', extensions: [] },
  };
}

export { Rng };
