import { describe, expect, it } from 'vitest';
import { INSPECT_DEFAULTS } from '../../engine/inspect';
import { inspectSettings } from './inspect-settings';

const trained = (spec: Record<string, unknown>) => ({ metadata: { glyphLab: { training: { spec } } } });

describe('inspectSettings', () => {
  it('takes the loss and learning rate the model was trained with', () => {
    const s = inspectSettings(trained({ architecture: 'mlp', loss: 'mse', learningRate: 0.5 }), 'mlp');
    expect(s.loss).toBe('mse');
    expect(s.lossSpec).toEqual({ type: 'meanSquaredError', config: { sigmoid: true } });
    expect(s.learningRate).toBe(0.5);
  });

  it("without a loss in the record, the preset's own: the classic preset trains with squared error", () => {
    expect(inspectSettings(trained({ architecture: 'classic', learningRate: 3 }), 'classic').loss).toBe(
      'mse',
    );
    expect(inspectSettings(trained({ architecture: 'lenet', learningRate: 0.05 }), 'lenet').loss).toBe(
      'cross-entropy',
    );
    // The person's own layers take no preset default.
    const custom = trained({
      architecture: 'classic',
      layers: [{ type: 'dense', config: {} }],
      learningRate: 1,
    });
    expect(inspectSettings(custom, 'custom').loss).toBe('cross-entropy');
  });

  it("a checkpoint (no training record) reads as its summary's preset, with the preset's rate", () => {
    const s = inspectSettings({ format: 'glyph-lab-model' }, 'classic');
    expect(s).toMatchObject({ loss: 'mse', learningRate: 3 });
  });

  it('an imported model reads as cross-entropy at the engine default rate', () => {
    const s = inspectSettings({ metadata: { glyphLab: { training: 'odd' } } }, 'custom');
    expect(s).toMatchObject({ loss: 'cross-entropy', learningRate: INSPECT_DEFAULTS.learningRate });
    expect(inspectSettings(trained({ learningRate: -1, loss: 'l1' }), 'custom').learningRate).toBe(
      INSPECT_DEFAULTS.learningRate,
    );
  });
});
