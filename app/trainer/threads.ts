// How many threads a job trains on: the spec's `threads` setting resolved against this machine's cores
// and the network, with the reason in words for the progress, the result and the model card. `auto` is
// every core for networks with convolutions (measured ~1.7× faster on two cores, docs/architecture.md),
// one thread for the rest (MLPs and a fine-tuned dense head: the hand-off per step costs more than the
// second core gives). The engine gets nodeGradientWorkers with that count.

import { availableParallelism } from 'node:os';
import type { Loss } from '../../engine/layer';
import type { Sequential } from '../../engine/model';
import { type ParallelOptions, parallelUnsupported } from '../../engine/parallel/data-parallel';
import type { ThreadsSetting, ThreadsUsed } from '../shared/types';
import { nodeGradientWorkers, type WorkerEntry } from './gradient-workers';

/** What the choice depends on besides the setting: the network that trains and how. */
export interface ThreadsNetwork {
  readonly model: Sequential;
  readonly loss: Loss;
  readonly batchSize: number;
  /** Fine-tuning that trains only the dense head on cached features. */
  readonly headOnly?: boolean;
}

/** The cores training may use on this machine: the largest `threads` a spec may ask for. */
export function coreCount(): number {
  return availableParallelism();
}

function used(count: number, why: string): ThreadsUsed {
  return { count, reason: `${count} thread${count === 1 ? '' : 's'}: ${why}` };
}

/** The threads `setting` comes to for `network` on a machine with `cores` cores; throws past the cores. */
export function chooseThreads(
  setting: ThreadsSetting | undefined,
  network: ThreadsNetwork,
  cores = coreCount(),
): ThreadsUsed {
  if (typeof setting === 'number' && (!Number.isInteger(setting) || setting < 1 || setting > cores)) {
    throw new Error(`threads ${setting}: this machine has ${cores} cores; choose 1 to ${cores}, or auto`);
  }
  const unsupported = parallelUnsupported(network.model, network.loss);
  if (setting === 1) return used(1, 'as asked');
  if (unsupported !== undefined) return used(1, unsupported);
  if (network.batchSize < 2) return used(1, 'a batch of one sample cannot be split');
  if (typeof setting === 'number') return used(setting, 'as asked');
  if (cores < 2) return used(1, 'this machine has one core');
  if (network.headOnly) return used(1, 'fine-tuning trains the dense head, faster on one');
  const convolutional = network.model.layers.some((l) => l.type === 'conv2d');
  return convolutional ? used(cores, 'CNNs train faster on every core') : used(1, 'MLPs train faster on one');
}

/**
 * The threads of one job: the engine's parallel options for them, and what they turned out to be
 * (one, with the reason, if the gradient workers could not start).
 */
export class JobThreads {
  constructor(
    public used: ThreadsUsed,
    private readonly entry?: WorkerEntry,
  ) {}

  /** TrainOptions.parallel, or undefined for one thread. */
  parallel(): ParallelOptions | undefined {
    if (this.used.count < 2) return undefined;
    return {
      ...nodeGradientWorkers(this.used.count, this.entry),
      onOneThread: (reason) => {
        console.warn(`trainer: training on one thread instead of ${this.used.count}: ${reason}`);
        this.used = used(1, `the gradient workers did not start (${reason})`);
      },
    };
  }

  /** Runs `training`, turning the failure of a gradient worker into an error that says what to do. */
  async run<T>(training: () => Promise<T>): Promise<T> {
    try {
      return await training();
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** A clearer error for a run that failed because a gradient worker did (the others pass through). */
  private explain(error: unknown): unknown {
    if (!(error instanceof Error) || !error.message.startsWith('data-parallel:')) return error;
    return new Error(
      `training on ${this.used.count} threads stopped: ${error.message.replace('data-parallel: ', '')}. ` +
        'Train again, or on 1 thread (Threads in the advanced settings; glyph-lab train --threads 1)',
    );
  }
}
