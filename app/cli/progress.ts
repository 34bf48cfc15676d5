// A one-line progress bar on stderr for training (redrawn in place on a TTY, a line per epoch otherwise).

import type { TrainingEvent } from '../shared/types';

const WIDTH = 24;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (event: TrainingEvent) => void {
  const tty = stream.isTTY === true;
  let drawn = false;
  const clear = () => {
    if (tty && drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return (event) => {
    switch (event.type) {
      case 'progress': {
        if (!tty) return;
        const filled = Math.round(event.fraction * WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
        stream.write(
          `\r\x1b[K${bar} ${(event.fraction * 100).toFixed(0).padStart(3)}%  epoch ${event.epoch}/${event.epochs}` +
            `  loss ${event.loss.toFixed(4)}  ${Math.round(event.samplesPerSecond)} samples/s${event.threads ? ` on ${event.threads.count} thread${event.threads.count === 1 ? '' : 's'}` : ''}  ETA ${clock(event.etaSeconds)}`,
        );
        drawn = true;
        return;
      }
      case 'epochEnd': {
        clear();
        const val =
          event.valAccuracy !== undefined
            ? `  val loss ${event.valLoss?.toFixed(4)}  val acc ${(event.valAccuracy * 100).toFixed(2)}%`
            : '';
        stream.write(
          `epoch ${event.epoch}: loss ${event.trainLoss.toFixed(4)}  acc ${(event.trainAccuracy * 100).toFixed(2)}%${val}  (${event.seconds.toFixed(1)} s)\n`,
        );
        return;
      }
      case 'started':
        stream.write(`training on ${event.trainCount} images (${event.validationCount} for validation)\n`);
        return;
      case 'done':
      case 'cancelled':
      case 'error':
        clear();
        return;
      default:
        return;
    }
  };
}
