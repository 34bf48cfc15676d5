import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../app/shared/types';
import { drawTasks, taskTitle } from './task-switcher';

const set = (id: string, task: DatasetInfo['task']) => ({ id, task, title: id }) as DatasetInfo;

describe('drawTasks', () => {
  it('offers one task per bundled kind (the first set of it) and every own set', () => {
    const all = [
      ['mnist', 'digits'],
      ['letters', 'letters'],
      ['pen-digits', 'digits'],
      ['pen-letters', 'letters'],
      ['pen-characters', 'characters'],
      ['stars', 'custom'],
      ['arrows', 'custom'],
    ].map(([id, task]) => set(id!, task as DatasetInfo['task']));
    const tasks = drawTasks(all);
    expect(tasks.map((d) => d.id)).toEqual(['mnist', 'letters', 'pen-characters', 'stars', 'arrows']);
    expect(tasks.map(taskTitle)).toEqual(['Digits', 'Letters', 'Characters', 'stars', 'arrows']);
  });
});
