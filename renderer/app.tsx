// Placeholder shell until the Draw screen lands: a canvas that records strokes.
import { useEffect, useRef, useState } from 'react';
import { api } from './api';

export function App() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [version, setVersion] = useState('');
  useEffect(() => {
    api()
      .app.info()
      .then((info) => setVersion(info.version));
  }, []);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    let drawing = false;
    const down = (e: PointerEvent) => {
      drawing = true;
      el.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(e.offsetX, e.offsetY);
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      ctx.lineWidth = 16;
      ctx.lineCap = 'round';
      ctx.lineTo(e.offsetX, e.offsetY);
      ctx.stroke();
    };
    const up = () => {
      drawing = false;
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
  }, []);
  return (
    <main>
      <h1>Glyph Lab {version}</h1>
      <canvas ref={canvas} width={320} height={320} aria-label="Drawing area" style={{ border: '1px solid' }} />
    </main>
  );
}
