// The trainer process entry (Electron utility process or Node child): receives jobs and control
// messages, runs one job at a time with the engine, and reports back. Crashing here never takes
// main down: the core notices the exit and reports the job as crashed.

import { messageOf } from '../shared/errors';
import type { TrainerOut } from '../shared/trainer-protocol';
import { JobRunner } from './run-job';
import { connect } from './transport';

const transport = connect();
let current: JobRunner | null = null;

transport.onMessage((message) => {
  switch (message.type) {
    case 'train': {
      if (current) {
        transport.send({
          type: 'error',
          jobId: message.jobId,
          kind: 'invalid',
          message: 'the trainer is already running a job',
        });
        return;
      }
      const runner = new JobRunner(message, (out: TrainerOut) => transport.send(out));
      current = runner;
      runner
        .run()
        .catch((error: unknown) => {
          const text = messageOf(error);
          const kind = /ENOENT|EACCES|not built|no such file/i.test(text) ? 'io' : 'invalid';
          transport.send({ type: 'error', jobId: message.jobId, kind, message: text });
        })
        .finally(() => {
          if (current === runner) current = null;
        });
      return;
    }
    case 'pause':
      current?.pause();
      return;
    case 'resume':
      current?.resume();
      return;
    case 'cancel':
      current?.cancel();
      return;
  }
});

transport.send({ type: 'ready', pid: process.pid });
