// Draw's mode: one character (the network's view, its guess, its bars) or a line of them (Line mode).

import { SegmentedChoice } from '../../components/segmented-choice';
import { type DrawMode, useApp } from '../../state/app-context';

const MODES = [
  { value: 'glyph', label: 'One character', title: 'Draw one character and watch the network read it' },
  { value: 'line', label: 'A line', title: 'Write a number, a code or a word; it is read as you write' },
] as const satisfies readonly { value: DrawMode; label: string; title: string }[];

export function DrawModeSwitch() {
  const { drawMode, setDrawMode } = useApp();
  return <SegmentedChoice label="Draw mode" choices={MODES} value={drawMode} onChange={setDrawMode} />;
}
