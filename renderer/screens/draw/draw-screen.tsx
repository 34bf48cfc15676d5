// The first screen: draw, and watch the network's view, its guess and its confidence for every class;
// or, in Line mode (line-mode.tsx), write a whole line and have it read.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { hasInk } from '../../canvas/stroke-machine';
import { DrawingCanvas } from '../../components/drawing-canvas';
import { StrokeButtons } from '../../components/stroke-buttons';
import { drawTasks, TaskSwitcher } from '../../components/task-switcher';
import { displayLabel, isCaseMerged } from '../../inference/class-labels';
import { glyphInput } from '../../inference/glyph-input';
import { LatencyLog } from '../../inference/latency-log';
import { type Prediction, rankPrediction } from '../../inference/prediction';
import { createPredictionLoop } from '../../inference/prediction-loop';
import { useRecognizer } from '../../inference/use-recognizer';
import { BRUSH_MAX, BRUSH_MIN, useApp } from '../../state/app-context';
import { ConfidenceBars } from './confidence-bars';
import { DrawModeSwitch } from './draw-mode-switch';
import { guessWords } from './guess-words';
import { InsidePanel } from './inside-panel';
import { LineMode } from './line-mode';
import { CHECKPOINT, ModelPicker } from './model-picker';
import { NetworkView } from './network-view';

interface LiveResult {
  image: Float32Array | null;
  prediction: Prediction | null;
  saliency: Float32Array | null;
  computeMs: number;
}

interface DrawScreenProps {
  showSaliency: boolean;
  onToggleSaliency: () => void;
}

export function DrawScreen(props: DrawScreenProps) {
  const { drawMode } = useApp();
  return drawMode === 'line' ? <LineMode /> : <GlyphMode {...props} />;
}

function GlyphMode({ showSaliency, onToggleSaliency }: DrawScreenProps) {
  const { strokes, brushSize, datasets, datasetId, setDatasetId, dataset, navigate } = useApp();
  const model = useRecognizer(datasetId);
  // What "not a character" asks for instead.
  const thing = dataset?.task === 'letters' ? 'letter' : dataset?.task === 'digits' ? 'digit' : 'character';
  const [announcement, setAnnouncement] = useState('');
  const [live, setLive] = useState<LiveResult>({
    image: null,
    prediction: null,
    saliency: null,
    computeMs: 0,
  });
  const lastInput = useRef<number | null>(null);
  const latencyRef = useRef<HTMLSpanElement>(null);
  const [latencies] = useState(() => new LatencyLog());
  /** Normalize + forward pass per prediction (the "within a frame" budget of the recognizer itself). */
  const [passes] = useState(() => new LatencyLog());

  const recognizer = model.recognizer;
  // Classes as shown ("E e" for a case-merged letter): the guess, the bars and what a screen reader says.
  const shownClasses = useMemo(
    () => recognizer?.classes.map((c, _, all) => displayLabel(c, all)) ?? [],
    [recognizer],
  );
  const loop = useMemo(
    () =>
      createPredictionLoop<LiveResult>({
        compute: () => {
          const snap = strokes.getSnapshot();
          if (!hasInk(snap)) return { image: null, prediction: null, saliency: null, computeMs: 0 };
          const image = glyphInput(snap);
          if (!recognizer) return { image, prediction: null, saliency: null, computeMs: 0 };
          const probabilities = recognizer.predict(image);
          const prediction = rankPrediction(probabilities, shownClasses, recognizer.calibration);
          const saliency =
            showSaliency && prediction ? recognizer.saliency(image, prediction.top.index) : null;
          return { image, prediction, saliency, computeMs: 0 };
        },
        onResult: (result, timing) => {
          // Committed now, inside this animation frame, so the bars are painted in the frame that
          // computed them rather than one frame later.
          flushSync(() => setLive({ ...result, computeMs: timing.computeMs }));
          // Screen readers hear the guess once the pen is lifted, not on every frame.
          if (strokes.getSnapshot().phase === 'idle')
            setAnnouncement(guessWords(result.prediction, thing, true).spoken);
          // Pen → bars: from the first pointer event since the last result to the bars committed above.
          if (lastInput.current !== null && result.prediction && latencyRef.current) {
            const ms = performance.now() - lastInput.current;
            latencies.add(ms);
            const { count, medianMs, p95Ms } = latencies.stats();
            const el = latencyRef.current;
            el.dataset.latencyMs = ms.toFixed(1);
            el.dataset.latencyCount = String(count);
            el.dataset.latencyMedianMs = medianMs.toFixed(2);
            el.dataset.latencyP95Ms = p95Ms.toFixed(2);
            passes.add(timing.computeMs);
            const pass = passes.stats();
            el.dataset.passMedianMs = pass.medianMs.toFixed(2);
            el.dataset.passP95Ms = pass.p95Ms.toFixed(2);
            el.textContent = `${timing.computeMs.toFixed(1)} ms per pass · pen to bars ${medianMs.toFixed(0)} ms (median), ${p95Ms.toFixed(0)} ms (p95)`;
            lastInput.current = null;
          }
        },
      }),
    [strokes, recognizer, shownClasses, showSaliency, latencies, passes, thing],
  );
  useEffect(() => {
    loop.invalidate();
    const off = strokes.subscribe(() => loop.invalidate());
    return () => {
      off();
      loop.dispose();
    };
  }, [loop, strokes]);
  const onInput = useCallback((t: number) => {
    if (lastInput.current === null) lastInput.current = t;
  }, []);

  const classes = recognizer?.classes ?? dataset?.classes ?? [];
  const noun =
    dataset?.task === 'letters'
      ? 'a letter'
      : dataset?.task === 'digits'
        ? 'a digit'
        : dataset?.task === 'characters'
          ? 'a character'
          : 'a glyph';
  const p = live.prediction;
  const words = guessWords(p, thing, recognizer !== null);

  return (
    <div className="draw-screen">
      <div className="screen-bar">
        <DrawModeSwitch />
        <TaskSwitcher datasets={drawTasks(datasets.items)} value={datasetId} onChange={setDatasetId} />
        <ModelPicker
          activeId={model.checkpointEpoch !== null ? CHECKPOINT : (model.summary?.id ?? null)}
          loading={model.loading}
          checkpointEpoch={model.checkpointEpoch}
        />
      </div>

      <section className="draw-main card" aria-label="Drawing">
        <DrawingCanvas machine={strokes} brushSize={brushSize} hint={`Draw ${noun} here`} onInput={onInput} />
        <DrawToolbar />
      </section>

      <aside className="draw-side" aria-label="Recognition">
        <div className="card prediction-card">
          <div className="prediction-head">
            <NetworkView
              image={live.image}
              saliency={live.saliency}
              showSaliency={showSaliency}
              onToggleSaliency={onToggleSaliency}
            />
            <div className="top-guess">
              <span className="eyebrow">{words.eyebrow}</span>
              <output
                className={`top-label ${words.unsure ? 'is-unsure' : ''} ${words.empty ? 'is-empty' : ''} ${words.label.length > 2 ? 'is-long' : ''}`}
                aria-label="Top prediction"
              >
                {words.label}
              </output>
              <span className="top-confidence">{words.detail}</span>
            </div>
          </div>
          <ModelStatus model={model} onTrain={() => navigate({ screen: 'train', datasetId })} />
          <ConfidenceBars prediction={p} classes={classes} />
          {isCaseMerged(classes) && (
            <p className="muted small">Small and capital letters share a class: “E e” is either.</p>
          )}
          <InsidePanel
            recognizer={recognizer}
            image={live.image}
            top={p?.top.index ?? null}
            classes={shownClasses}
          />
          <p className="latency-line">
            <span className="latency-label">Speed</span>{' '}
            <span className="latency" ref={latencyRef}>
              {recognizer ? 'draw to measure' : '—'}
            </span>
          </p>
          <p className="sr-only" aria-live="polite">
            {announcement}
          </p>
        </div>
      </aside>
    </div>
  );
}

function DrawToolbar() {
  const { strokes, brushSize, setBrushSize } = useApp();
  return (
    <div className="toolbar" role="toolbar" aria-label="Drawing tools">
      <StrokeButtons strokes={strokes} />
      <label className="field field-inline brush">
        <span className="field-label">Brush</span>
        <input
          type="range"
          min={BRUSH_MIN}
          max={BRUSH_MAX}
          value={brushSize}
          onChange={(e) => setBrushSize(Number(e.target.value))}
          aria-label="Brush size"
          aria-valuetext={`${brushSize} px`}
        />
        <output className="brush-value" aria-hidden="true">
          {brushSize} px
        </output>
      </label>
    </div>
  );
}

function ModelStatus({ model, onTrain }: { model: ReturnType<typeof useRecognizer>; onTrain: () => void }) {
  if (model.error) return <p className="notice notice-error">{model.error}</p>;
  if (model.loading) return <p className="muted small">Loading the model…</p>;
  if (!model.recognizer)
    return (
      <div className="empty-inline">
        <p>No trained model for this task yet.</p>
        <button type="button" className="btn btn-primary" onClick={onTrain}>
          Train one
        </button>
      </div>
    );
  if (model.checkpointEpoch !== null)
    return (
      <p className="muted small live-dot">Learning live · checkpoint after epoch {model.checkpointEpoch}</p>
    );
  return null;
}
