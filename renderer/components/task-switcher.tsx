// The task: digits, letters or one of the person's own sets, as a radio group.

import type { DatasetInfo } from '../../app/shared/types';
import { SegmentedChoice } from './segmented-choice';

export function TaskSwitcher({
  datasets,
  value,
  onChange,
}: {
  datasets: DatasetInfo[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <SegmentedChoice
      label="Task"
      choices={datasets.map((d) => ({ value: d.id, label: taskTitle(d), title: d.provenance }))}
      value={value}
      onChange={onChange}
    />
  );
}

/**
 * The tasks a person draws for: one per bundled task (its first set in the registry: MNIST for digits,
 * letters for letters; the pen sets are training data, not tasks of their own), then each own set.
 */
export function drawTasks(datasets: readonly DatasetInfo[]): DatasetInfo[] {
  return datasets.filter((d, i) => d.task === 'custom' || datasets.findIndex((x) => x.task === d.task) === i);
}

export function taskTitle(d: DatasetInfo): string {
  if (d.task === 'digits') return 'Digits';
  if (d.task === 'letters') return 'Letters';
  if (d.task === 'characters') return 'Characters';
  return d.title;
}
