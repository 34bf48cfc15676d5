// The one API contract between the renderer and main (and the e2e host and the CLI):
// each channel `domain:verb` maps to a zod schema for its input (validated at the boundary)
// and the TypeScript type of its output. `window.api.<domain>.<verb>(input)` is derived from it.

import { z } from 'zod';
import { layerSpecSchema, optimizerSpecSchema, scheduleSpecSchema } from './layer-specs';
import type {
  AppInfo,
  DatasetInfo,
  Evaluation,
  ImportReport,
  MenuCommand,
  ModelPayload,
  ModelSummary,
  RecipeSummary,
  SampleInfo,
  SkippedModel,
  SuspiciousReport,
  TrainingEvent,
  TrainingStatus,
} from './types';

/** A channel: the schema of its input and (types only) its output. */
interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
}

const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });

const id = z.string().min(1).max(200);
const label = z.string().min(1).max(64);
/**
 * A file grant: the opaque token main issued for a path the person chose in one of main's dialogs or
 * dropped on the window (resolved by the preload). The renderer never names a path itself; main
 * keeps the table (app/main/grants.ts) and checks every token. 32 random bytes, base64url.
 */
export const grantToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'expected a file grant from a dialog or a drop');
/** A grant as the renderer sees it: the token to send back, and the path and name to show. */
export interface FileGrant {
  grant: string;
  path: string;
  name: string;
}
/** Most strokes, and most pen points in all of one sample's strokes together (a glyph has a few hundred). */
export const STROKE_LIMITS = { strokes: 500, points: 50_000 } as const;

/**
 * Why `value` is not a sample's strokes (`[x, y][][]`, finite, within STROKE_LIMITS), or undefined.
 * NOTE: one plain loop, counting before looking at points: zod's array-of-tuples parsed all 10 M points
 * of an oversized request (27 s) before its length check, and 50,000 valid ones in 70–90 ms.
 */
function strokesIssue(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'expected an array of strokes';
  if (value.length > STROKE_LIMITS.strokes) return `at most ${STROKE_LIMITS.strokes} strokes`;
  let total = 0;
  for (const stroke of value) {
    if (!Array.isArray(stroke)) return 'each stroke must be an array of [x, y] points';
    total += stroke.length;
  }
  if (total > STROKE_LIMITS.points)
    return `at most ${STROKE_LIMITS.points.toLocaleString('en')} points in all strokes together, got ${total.toLocaleString('en')}`;
  for (const stroke of value as unknown[][]) {
    for (const p of stroke) {
      if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
        return 'each point must be [x, y] with finite numbers';
    }
  }
  return undefined;
}
const strokes = z.custom<[number, number][][]>().superRefine((value, ctx) => {
  const issue = strokesIssue(value);
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});
const image784 = z
  .instanceof(Float32Array)
  .refine((a) => a.length === 784, 'image must have 784 values (28×28)');

/** Most threads any training spec may ask for, whatever the machine (its cores bound it further). */
export const MAX_THREADS = 256;

export const trainingSpecSchema = z.object({
  recipe: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(64)
    .optional(),
  datasetId: id,
  architecture: z.string().min(1).max(64),
  layers: z.array(layerSpecSchema).max(64).optional(),
  baseModelId: id.optional(),
  fineTuneLayers: z.enum(['head', 'all']).optional(),
  optimizer: optimizerSpecSchema,
  learningRate: z.number().positive().max(10),
  schedule: scheduleSpecSchema,
  batchSize: z.number().int().min(1).max(4096),
  epochs: z.number().int().min(1).max(1000),
  augmentation: z.boolean(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  validationSplit: z.number().min(0).max(0.5),
  labelSmoothing: z.number().min(0).max(0.5).optional(),
  loss: z.enum(['cross-entropy', 'mse']).optional(),
  limit: z.number().int().positive().max(10_000_000).optional(),
  name: z.string().max(200).optional(),
  // The machine's own bound (its cores) is checked where they are known: the core and the trainer.
  threads: z.union([z.literal('auto'), z.number().int().min(1).max(MAX_THREADS)]).optional(),
});

export const contract = {
  'app:info': channel<AppInfo>()(z.undefined()),

  'datasets:list': channel<DatasetInfo[]>()(z.undefined()),
  'datasets:create': channel<DatasetInfo>()(
    z.object({ title: z.string().min(1).max(200), classes: z.array(label).max(1000).optional() }),
  ),
  'datasets:rename': channel<DatasetInfo>()(z.object({ id, title: z.string().min(1).max(200) })),
  'datasets:delete': channel<void>()(z.object({ id })),
  'datasets:addClass': channel<DatasetInfo>()(z.object({ id, label })),
  'datasets:renameClass': channel<DatasetInfo>()(z.object({ id, from: label, to: label })),
  'datasets:deleteClass': channel<DatasetInfo>()(z.object({ id, label })),
  /** Images of a split by index (the confusion-matrix drill-down), grey bytes n×784. */
  'datasets:images': channel<{ images: Uint8Array; labels: string[] }>()(
    z.object({ id, split: z.enum(['train', 'test']), indices: z.array(z.number().int().min(0)).max(1000) }),
  ),
  /**
   * A custom set written where a save grant points, as a folder: an image folder `<label>/<n>.png`
   * (default), IDX (images.idx.gz, labels.idx.gz, classes.json) or CSV (samples.csv), with the export
   * marker. `path` is where it landed (a new folder inside an unrelated one).
   */
  'datasets:export': channel<{ path: string; images: number; classes: number }>()(
    z.object({ id, format: z.enum(['folder', 'idx', 'csv']).optional(), grant: grantToken }),
  ),
  /**
   * A whole labelled set from other tools' files into the custom set `id`, behind read grants: one CSV
   * file, or an IDX images file and labels file (either order; class names from a classes.json chosen
   * with them, else 0…9). A file that cannot be read imports nothing and says why.
   */
  'datasets:import': channel<ImportReport>()(
    z.object({ id, format: z.enum(['csv', 'idx']), grants: z.array(grantToken).min(1).max(3) }),
  ),

  'samples:list': channel<SampleInfo[]>()(z.object({ datasetId: id, label: label.optional() })),
  'samples:add': channel<SampleInfo>()(z.object({ datasetId: id, label, image: image784, strokes })),
  'samples:relabel': channel<SampleInfo>()(z.object({ datasetId: id, id, label })),
  'samples:delete': channel<void>()(z.object({ datasetId: id, id })),
  /** The samples the newest model trained on this set strongly disagrees with, still under the label it doubted. */
  'samples:suspicious': channel<SuspiciousReport | null>()(z.object({ datasetId: id })),
  /** Images (or folders of `<label>/<image>`) behind read grants from the open dialog or a drop. */
  'samples:import': channel<ImportReport>()(
    z.object({ datasetId: id, label: label.optional(), grants: z.array(grantToken).min(1).max(10_000) }),
  ),

  'models:list': channel<ModelSummary[]>()(z.undefined()),
  'models:get': channel<ModelPayload>()(z.object({ id })),
  'models:active': channel<ModelPayload | null>()(z.object({ datasetId: id })),
  'models:activate': channel<ModelSummary>()(z.object({ id })),
  'models:rename': channel<ModelSummary>()(z.object({ id, name: z.string().min(1).max(200) })),
  'models:delete': channel<void>()(z.object({ id })),
  'models:evaluate': channel<Evaluation>()(z.object({ id, datasetId: id.optional() })),
  'models:export': channel<{ path: string }>()(
    z.object({ id, format: z.enum(['native', 'onnx']), grant: grantToken }),
  ),
  'models:import': channel<ModelSummary>()(z.object({ grant: grantToken })),
  /** Model folders the last listing could not read (corrupt, unknown version), with the reason; left untouched. */
  'models:skipped': channel<SkippedModel[]>()(z.undefined()),

  /** The built-in recipes (models/<id>/recipe.json), summarized for the Train screen's "Built-in recipe". */
  'recipes:list': channel<RecipeSummary[]>()(z.undefined()),

  'training:start': channel<{ jobId: string }>()(trainingSpecSchema),
  'training:pause': channel<void>()(z.undefined()),
  'training:resume': channel<void>()(z.undefined()),
  'training:cancel': channel<void>()(z.undefined()),
  'training:status': channel<TrainingStatus>()(z.undefined()),

  /** Native dialogs (Electron; the e2e host answers them from the test): read grants, or a write grant. */
  'dialog:openFiles': channel<FileGrant[]>()(
    z.object({
      title: z.string().max(200),
      extensions: z.array(z.string().max(16)).max(20),
      folders: z.boolean(),
    }),
  ),
  'dialog:saveFile': channel<FileGrant | null>()(
    z.object({
      title: z.string().max(200),
      defaultName: z.string().max(255),
      extensions: z.array(z.string().max(16)).max(20),
    }),
  ),
} as const;

/**
 * Channels only the preload calls, never part of `window.api`: a file dropped on the window, whose
 * path the preload resolved with `webUtils.getPathForFile` (which answers only for real files from a
 * drop or a file input), registered with main as a read grant.
 */
export const preloadContract = {
  'files:grantDropped': channel<FileGrant>()(z.string().min(2).max(4096)),
} as const;

/**
 * The channels that carry grants, as the core's handlers take them: the absolute paths the grants
 * stand for. The grant layer (app/main/granted-handlers.ts) resolves them; the CLI, a trusted local
 * tool, passes its own resolved paths.
 */
export type PathInputs = {
  'datasets:export': Swap<'datasets:export', 'grant', { path: string }>;
  'datasets:import': Swap<'datasets:import', 'grants', { paths: string[] }>;
  'samples:import': Swap<'samples:import', 'grants', { paths: string[] }>;
  'models:export': Swap<'models:export', 'grant', { path: string }>;
  'models:import': Swap<'models:import', 'grant', { path: string }>;
};
export type GrantChannel = keyof PathInputs;
type Swap<C extends Channel, Grant extends string, Paths> = Omit<
  z.output<(typeof contract)[C]['input']>,
  Grant
> &
  Paths;

/** Events pushed from main to the renderer. */
export interface Events {
  'training:event': TrainingEvent;
  'models:changed': ModelSummary[];
  'datasets:changed': DatasetInfo[];
  'menu:command': MenuCommand;
}

export type Channel = keyof typeof contract;
export type EventName = keyof Events;

/** The event names at run time (the preload forwards only these). */
export const eventNames = [
  'training:event',
  'models:changed',
  'datasets:changed',
  'menu:command',
] as const satisfies readonly EventName[];
type MissingEvents = Exclude<EventName, (typeof eventNames)[number]>;
const _allEventsListed: MissingEvents extends never ? true : MissingEvents = true;
void _allEventsListed;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}
export type InputOf<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type OutputOf<C extends Channel> =
  (typeof contract)[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

type ArgsOf<C extends Channel> = InputOf<C> extends undefined ? [] : [input: InputOf<C>];
type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

/** `window.api`: one async function per channel, grouped by domain, plus event subscriptions. */
export type Api = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (...args: ArgsOf<C>) => Promise<OutputOf<C>>;
  };
} & {
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** The handlers main (or a test host) implements: one per channel, given the validated input. */
export type Handlers = {
  [C in Channel]: (input: z.output<(typeof contract)[C]['input']>) => Promise<OutputOf<C>> | OutputOf<C>;
};

/** The core's handlers: the contract's, with resolved paths in place of grants. */
export type PathHandlers = {
  [C in Channel]: C extends GrantChannel
    ? (input: PathInputs[C]) => Promise<OutputOf<C>> | OutputOf<C>
    : Handlers[C];
};

export type PreloadChannel = keyof typeof preloadContract;
export type PreloadHandlers = {
  [C in PreloadChannel]: (
    input: z.output<(typeof preloadContract)[C]['input']>,
  ) => Promise<OutputOfDef<(typeof preloadContract)[C]>>;
};
type OutputOfDef<D> = D extends ChannelDef<z.ZodType, infer O> ? O : never;

export const channels = Object.keys(contract) as Channel[];
export const preloadChannels = Object.keys(preloadContract) as PreloadChannel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** A request that failed validation at the boundary. */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
}

/** Validate one raw request from the renderer and run its handler. Unknown channels and bad inputs throw. */
export async function dispatch(handlers: Handlers, name: unknown, raw: unknown): Promise<unknown> {
  if (!isChannel(name)) throw new InvalidRequestError(`unknown channel ${String(name)}`);
  return run(name, contract[name].input, handlers[name] as (input: unknown) => unknown, raw);
}

/** `dispatch` for the preload-only channels. */
export async function dispatchPreload(
  handlers: PreloadHandlers,
  name: unknown,
  raw: unknown,
): Promise<unknown> {
  if (typeof name !== 'string' || !Object.hasOwn(preloadContract, name))
    throw new InvalidRequestError(`unknown channel ${String(name)}`);
  const c = name as PreloadChannel;
  return run(c, preloadContract[c].input, handlers[c] as (input: unknown) => unknown, raw);
}

function run(name: string, schema: z.ZodType, handler: (input: unknown) => unknown, raw: unknown) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new InvalidRequestError(`${name}: invalid input${where}: ${issue?.message ?? 'rejected'}`);
  }
  return handler(parsed.data);
}

/** Build `window.api` from a generic invoke and subscribe (the preload, the e2e bridge). */
export function createApi(
  invoke: (channel: Channel, input: unknown) => Promise<unknown>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of channels) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input?: unknown) => invoke(name, input);
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener);
  return Object.assign(api, { on }) as unknown as Api;
}
