import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../app/shared/types';
import { drawTasks, taskTitle } from './task-switcher';

const set = (id: string, task: DatasetInfo['task']) => ({ id, task, title: id }) as DatasetInfo;

describe('drawTasks', () => {
  it('offers one task per bundled kind (the first set of it) and every own set', () => {
    const all = [
      set('mnist', 'digits'),
      set('letters', 'letters'),
      set('pen-digits', 'digits'),
      set('pen-letters', 'letters'),
      set('stars', 'custom'),
      set('arrows', 'custom'),
    ];
    expect(drawTasks(all).map((d) => d.id)).toEqual(['mnist', 'letters', 'stars', 'arrows']);
    expect(drawTasks(all).map(taskTitle)).toEqual(['Digits', 'Letters', 'stars', 'arrows']);
  });
});
