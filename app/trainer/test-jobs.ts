// Test helpers: a job run in process through the real JobRunner (the real engine and data), every
// message it sent kept, and its `done` message picked out.

import type { TrainerOut, TrainJob } from '../shared/trainer-protocol';
import { JobRunner } from './run-job';

export async function runJobInProcess(job: TrainJob): Promise<TrainerOut[]> {
  const sent: TrainerOut[] = [];
  await new JobRunner(job, (m) => sent.push(m)).run();
  return sent;
}

export function doneOf(sent: readonly TrainerOut[]): Extract<TrainerOut, { type: 'done' }> {
  const done = sent.find((m) => m.type === 'done');
  if (done?.type !== 'done') throw new Error(`no done message: ${JSON.stringify(sent.at(-1))}`);
  return done;
}
