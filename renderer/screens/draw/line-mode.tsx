// Draw's Line mode: write a number, a code or a word on a wide canvas; it is read live (after every
// pen move, at most once a frame, re-classifying only the characters that changed), the segmentation
// boxes drawn over the ink, the answer as text with each character's confidence. A click on a
// character shows its top 3 readings to correct it; Copy puts the text on the clipboard; the line
// can be saved as samples of its characters.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LineKind } from '../../../datasets/lines/context';
import { withSpecialists } from '../../../datasets/lines/specialists';
import { createFrameScheduler } from '../../canvas/frame-scheduler';
import { DrawingCanvas } from '../../components/drawing-canvas';
import { SegmentedChoice } from '../../components/segmented-choice';
import { StrokeButtons } from '../../components/stroke-buttons';
import { LatencyLog } from '../../inference/latency-log';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { DrawModeSwitch } from './draw-mode-switch';
import { type Corrections, correct, keepCorrections, shownCharacters, shownText } from './line-corrections';
import { useLineModel } from './line-model';
import { paintLineBoxes } from './line-overlay';
import { type LineRead, LiveLine, lineInk } from './line-reading';
import { LineSavePanel } from './line-save-panel';
import { characterButtonId, LineAlternatives, LineText } from './line-text';

const KINDS = [
  { value: 'number', label: 'Number', title: 'Digits only: 0 reads 0, never O' },
  { value: 'letters', label: 'Letters', title: 'Letters only: a word' },
  { value: 'mixed', label: 'Code', title: 'Digits and letters mixed, like a number plate' },
] as const satisfies readonly { value: LineKind; label: string; title: string }[];

/** What a pattern may hold (datasets/lines/pattern.ts): A a letter, 0 a digit, ? either. */
const PATTERN = /^[A0?]+$/i;

/** The line canvas's width ÷ height: room for about ten characters. */
const LINE_ASPECT = 4;

export function LineMode() {
  const { strokes, brushSize, navigate, notify } = useApp();
  const [kind, setKind] = useState<LineKind>('number');
  const line = useLineModel(kind);
  // A Code line's pattern, when the person knows it (AA00AAA); empty or malformed reads without one.
  const [pattern, setPattern] = useState('');
  const patternOk = pattern.trim() === '' || PATTERN.test(pattern.trim());
  const usedPattern = kind === 'mixed' && patternOk && pattern.trim() !== '' ? pattern.trim() : undefined;
  const recognizer = line.model.recognizer;
  const { digits, letters } = line.specialists;
  // A specialist that arrives later starts a fresh reader: its probabilities differ from the cache's.
  const live = useMemo(
    () => (recognizer ? new LiveLine(withSpecialists(recognizer, { digits, letters })) : null),
    [recognizer, digits, letters],
  );
  const [read, setRead] = useState<{ line: LineRead; side: number } | null>(null);
  const [corrections, setCorrections] = useState<Corrections>(() => new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const statsRef = useRef<HTMLSpanElement>(null);
  /** Re-reads that classified something (a read of unchanged ink costs nothing): time, and calls. */
  const [readLog] = useState(() => new LatencyLog());
  const mostCalls = useRef(0);

  useEffect(() => {
    if (!live) {
      setRead(null);
      return;
    }
    const frame = createFrameScheduler(() => {
      const snap = strokes.getSnapshot();
      const ink = lineInk(snap);
      const calls = live.classified;
      const t0 = performance.now();
      let r: LineRead;
      try {
        r = live.read(ink.strokes, kind, usedPattern);
      } catch (e) {
        // A model that does not fit (its output size is not its class list) says so, once per change.
        setFailure(`Could not read the line: ${errorMessage(e)}`);
        return;
      }
      setFailure(null);
      const ms = performance.now() - t0;
      setRead({ line: r, side: ink.side });
      setCorrections((c) => keepCorrections(c, r.reading));
      // Measured, not asserted: shown, and logged by the e2e spec.
      const el = statsRef.current;
      const classified = live.classified - calls;
      if (el && classified > 0) {
        readLog.add(ms);
        mostCalls.current = Math.max(mostCalls.current, classified);
        const { count, medianMs, p95Ms } = readLog.stats();
        el.dataset.readCount = String(count);
        el.dataset.readMedianMs = medianMs.toFixed(2);
        el.dataset.readP95Ms = p95Ms.toFixed(2);
        el.dataset.classifiedMost = String(mostCalls.current);
        el.textContent =
          `re-read ${medianMs.toFixed(1)} ms (median), ${p95Ms.toFixed(1)} ms (p95) · ` +
          `${classified} of ${candidateCount(r.atoms.length)} candidates classified`;
      }
      if (snap.phase === 'idle') setAnnouncement(r.reading.text ? `Read ${r.reading.text}` : '');
    });
    frame.schedule();
    const off = strokes.subscribe(() => frame.schedule());
    return () => {
      off();
      frame.cancel();
    };
  }, [live, strokes, kind, usedPattern, readLog]);

  const shown = useMemo(
    () => (read ? shownCharacters(read.line.reading, corrections) : []),
    [read, corrections],
  );
  const text = shownText(shown);
  const chosen = shown.findIndex((c) => c.key === selected);
  const overlay = useCallback(
    (ctx: CanvasRenderingContext2D, size: { width: number; height: number }) => {
      if (read && read.side > 0) paintLineBoxes(ctx, shown, size.height / read.side, selected);
    },
    [read, shown, selected],
  );

  const closeAlternatives = (index: number) => {
    setSelected(null);
    // The group's buttons go away: keyboard focus returns to the character they were for.
    requestAnimationFrame(() => document.getElementById(characterButtonId(index))?.focus());
  };

  const copy = () => {
    // The async clipboard API, from this click (a user gesture); main grants only the sanitized write.
    navigator.clipboard
      .writeText(text)
      .then(() => notify('success', `Copied “${text}”.`))
      .catch(() =>
        notify('error', 'Could not copy: the clipboard refused. Select the text and copy it instead.'),
      );
  };

  return (
    <div className="line-mode">
      <div className="screen-bar">
        <DrawModeSwitch />
        <SegmentedChoice label="Kind of line" choices={KINDS} value={kind} onChange={setKind} />
        {kind === 'mixed' && (
          <label className="small line-pattern">
            Pattern{' '}
            <input
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              placeholder="AA00AAA"
              title="A for a letter, 0 for a digit, ? for either; empty reads any code"
              size={9}
              maxLength={20}
              spellCheck={false}
              aria-invalid={!patternOk}
            />
            {!patternOk && <span role="alert"> Use A for a letter, 0 for a digit, ? for either.</span>}
          </label>
        )}
        <p className="muted small line-model">
          {line.problem
            ? ''
            : line.model.loading
              ? 'Loading the model…'
              : line.model.summary
                ? `Reads with ${line.model.summary.name}`
                : ''}
        </p>
      </div>

      <section className="card line-main" aria-label="Line">
        <DrawingCanvas
          machine={strokes}
          // A line's characters are written about half as tall as one on the square canvas.
          brushSize={Math.max(4, Math.round(brushSize / 2))}
          hint="Write a number, a code or a word here"
          aspect={LINE_ASPECT}
          label="Line drawing area"
          overlay={overlay}
        />
        <LineToolbar />
      </section>

      <section className="card line-answer" aria-label="Reading">
        {line.problem ? (
          <div className="empty-inline">
            <p>{line.problem}</p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate({ screen: 'train', datasetId: line.datasetId })}
            >
              Train one
            </button>
          </div>
        ) : (
          <>
            <div className="line-answer-head">
              <span className="eyebrow">Read</span>
              <output className="line-text" aria-label="Line text">
                {text || '–'}
              </output>
              <button type="button" className="btn" onClick={copy} disabled={!text}>
                Copy
              </button>
            </div>
            {failure && <p className="notice notice-error">{failure}</p>}
            <LineText characters={shown} selected={selected} onSelect={setSelected} />
            {chosen >= 0 && (
              <LineAlternatives
                character={shown[chosen]!}
                index={chosen}
                onPick={(t) => {
                  setCorrections((c) => correct(c, shown[chosen]!, t));
                  closeAlternatives(chosen);
                }}
                onClose={() => closeAlternatives(chosen)}
              />
            )}
            <p className="latency-line">
              <span className="latency-label">Speed</span>{' '}
              <span className="latency" ref={statsRef}>
                write to measure
              </span>
            </p>
            {read && <LineSavePanel read={read.line} characters={shown} onSaved={() => strokes.clear()} />}
          </>
        )}
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
      </section>
    </div>
  );
}

/** Candidates a cold read classifies: runs of up to 3 atoms. */
function candidateCount(atoms: number): number {
  let n = 0;
  for (let k = 1; k <= 3; k++) n += Math.max(0, atoms - k + 1);
  return n;
}

function LineToolbar() {
  const { strokes } = useApp();
  return (
    <div className="toolbar" role="toolbar" aria-label="Line tools">
      <StrokeButtons strokes={strokes} undoLabel="Undo stroke" />
    </div>
  );
}
