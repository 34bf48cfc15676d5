// The core's heavy jobs, kept off main's event loop: decoding and normalizing an image file and
// parsing a whole set's CSV or IDX files (imports), evaluating a model on a dataset's test split, and
// reading a split's images (the confusion-matrix drill-down, which may gunzip a whole bundled split). Main runs them in a worker thread
// (work-thread.ts) so it answers the renderer within 100 ms meanwhile; the CLI, which has no window to
// keep responsive, runs them inline. The same functions serve both.

import { readImageInput } from '../../datasets/io/image-file';
import type { LabelledSet } from '../../datasets/io/labelled-set';
import type { TrainerData } from '../shared/trainer-protocol';
import type { Evaluation, ModelPayload } from '../shared/types';
import { evaluateOnData, imagesOf } from './evaluate';
import { type ReadSetOptions, readSetFiles, type SetFormat } from './stores/set-files';

/** Each job's input and output (both cross threads by structured clone). */
export interface WorkJobs {
  /** An image file → the network's input ([784] floats, ink = 1), normalized like a drawing. */
  decode: { input: { file: string }; output: Float32Array };
  /** A whole set's files (CSV, IDX, an image folder) → images [count × 784] and labels. */
  readSet: { input: { format: SetFormat; paths: string[]; options?: ReadSetOptions }; output: LabelledSet };
  evaluate: { input: { data: TrainerData; model: ModelPayload }; output: Evaluation };
  images: {
    input: { data: TrainerData; split: 'train' | 'test'; indices: number[] };
    output: { images: Uint8Array; labels: string[] };
  };
}

export type JobName = keyof WorkJobs;
export type JobInput<K extends JobName> = WorkJobs[K]['input'];
export type JobOutput<K extends JobName> = WorkJobs[K]['output'];

/** Runs the core's heavy jobs somewhere: a worker thread, or inline. */
export interface Work {
  run<K extends JobName>(job: K, input: JobInput<K>): Promise<JobOutput<K>>;
  /** Stops the worker, if any; pending jobs fail. */
  close(): Promise<void>;
}

export const jobs: { [K in JobName]: (input: JobInput<K>) => Promise<JobOutput<K>> } = {
  decode: ({ file }) => readImageInput(file),
  readSet: ({ format, paths, options }) => readSetFiles(format, paths, options),
  evaluate: ({ data, model }) => evaluateOnData(data, model),
  images: ({ data, split, indices }) => imagesOf(data, split, indices),
};

/**
 * The buffers of a job's output that move to main instead of being copied: a parsed set is count × 784
 * floats (20,000 images, 63 MB; copying that cost 0.3–0.7 s on the loaded test machine, half of it in
 * main). Only buffers made for the answer are listed, never a view on one the worker keeps (a cached split).
 */
export const transferables: { [K in JobName]?: (output: JobOutput<K>) => ArrayBuffer[] } = {
  readSet: (set) => ownBuffers(set.images, set.labels),
};

/** The buffers each view covers whole (a view on part of a buffer, a pooled Buffer's say, stays copied). */
function ownBuffers(...views: ArrayBufferView[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of views)
    if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength)
      out.push(v.buffer);
  return out;
}

/** The jobs in the calling thread (the CLI; tests of the jobs themselves). */
export const inlineWork: Work = {
  run: (job, input) => jobs[job](input),
  close: async () => {},
};
