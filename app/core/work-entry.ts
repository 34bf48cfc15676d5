// The core's worker thread: runs the jobs of work.ts one message at a time and answers each by id.
// An error becomes an answer with its message (and the CoreError code, so main reports it the same way).

import { parentPort } from 'node:worker_threads';
import { CoreError, messageOf } from '../shared/errors';
import { type JobName, jobs, transferables } from './work';
import type { WorkAnswer, WorkRequest } from './work-thread';

const port = parentPort;
if (!port) throw new Error('work-entry.ts runs as a worker thread (see work-thread.ts)');

port.on('message', (request: WorkRequest) => {
  const run = jobs[request.job] as (input: unknown) => Promise<unknown>;
  run(request.input)
    .then((value): WorkAnswer => ({ id: request.id, ok: true, value }))
    .catch(
      (error: unknown): WorkAnswer => ({
        id: request.id,
        ok: false,
        message: messageOf(error),
        ...(error instanceof CoreError ? { code: error.code } : {}),
      }),
    )
    .then((answer) => port.postMessage(answer, answer.ok ? transferOf(request.job, answer.value) : []));
});

function transferOf(job: JobName, value: unknown): ArrayBuffer[] {
  const list = transferables[job] as ((output: unknown) => ArrayBuffer[]) | undefined;
  return list ? list(value) : [];
}
