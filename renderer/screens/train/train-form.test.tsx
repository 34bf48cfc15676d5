import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingSpecSchema } from '../../../app/shared/api';
import type { DatasetInfo } from '../../../app/shared/types';
import { preset } from '../../../engine/presets';
import { defaultForm, type FieldProblem, formToSpec, type TrainingForm } from '../../training/spec-form';
import { TrainFormView } from './train-form';

const dataset = (id: string, classes: number): DatasetInfo => ({
  id,
  title: id,
  task: 'digits',
  classes: Array.from({ length: classes }, (_, i) => String(i)),
  sizes: { train: 100, test: 10 },
  provenance: '',
  custom: false,
});

function Harness({ onForm, problems }: { onForm: (f: TrainingForm) => void; problems?: FieldProblem[] }) {
  const [form, setForm] = useState(defaultForm('mnist'));
  onForm(form);
  return (
    <TrainFormView
      form={form}
      onChange={setForm}
      datasets={[dataset('mnist', 10), dataset('letters', 26)]}
      models={[]}
      disabled={false}
      problems={problems}
    />
  );
}

afterEach(cleanup);

describe('TrainFormView', () => {
  it('edits produce a valid TrainingSpec', () => {
    let form = defaultForm('mnist');
    render(<Harness onForm={(f) => (form = f)} />);
    fireEvent.change(screen.getByLabelText('Dataset'), { target: { value: 'letters' } });
    fireEvent.change(screen.getByLabelText('Architecture'), { target: { value: 'lenet' } });
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'sgd' } });
    fireEvent.change(screen.getByLabelText('Epochs'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Batch size'), { target: { value: '32' } });
    fireEvent.change(screen.getByLabelText('Limit'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '7' } });
    fireEvent.click(screen.getByLabelText(/Augmentation/));
    fireEvent.change(screen.getByLabelText('Label smoothing'), { target: { value: '0.1' } });
    const result = formToSpec(form, 26);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(trainingSpecSchema.safeParse(result.spec).success).toBe(true);
    expect(result.spec).toMatchObject({
      datasetId: 'letters',
      architecture: 'lenet',
      optimizer: { type: 'sgd', config: {} },
      learningRate: 0.05,
      epochs: 1,
      batchSize: 32,
      limit: 500,
      seed: 7,
      labelSmoothing: 0.1,
      augmentation: !preset('lenet', { classes: 26 }).training.augment,
    });
  });

  it('shows the layer editor for a custom architecture and adds layers', () => {
    let form = defaultForm('mnist');
    render(<Harness onForm={(f) => (form = f)} />);
    expect(screen.queryByRole('list', { name: 'Layers' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Architecture'), { target: { value: 'custom' } });
    const before = form.layers.length;
    fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(form.layers.length).toBe(before + 1);
    fireEvent.click(screen.getByRole('button', { name: `Remove layer ${before + 1}` }));
    expect(form.layers.length).toBe(before);
    expect(formToSpec(form, 10).ok).toBe(true);
  });
});

describe('TrainFormView problems', () => {
  it('marks the field and shows its message beside it, in words', () => {
    const result = formToSpec({ ...defaultForm('mnist'), epochs: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    render(<Harness onForm={() => {}} problems={result.errors} />);
    const epochs = screen.getByLabelText('Epochs');
    expect(epochs.getAttribute('aria-invalid')).toBe('true');
    const ids = epochs.getAttribute('aria-describedby')?.split(' ') ?? [];
    const message = ids.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(message).toContain('Epochs must be a whole number from 1 to 1,000; 0 is not.');
    // Beside the field: the message is inside the field's own box.
    expect(epochs.closest('.field')?.textContent).toContain('Epochs must be a whole number');
    // Other fields are left unmarked.
    expect(screen.getByLabelText('Batch size').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the dataset name whole, its size on the line below', () => {
    render(<Harness onForm={() => {}} />);
    const select = screen.getByLabelText('Dataset') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['mnist', 'letters']);
    expect(select.getAttribute('aria-describedby')).toBe('train-dataset-help');
    expect(document.getElementById('train-dataset-help')?.textContent).toBe(
      '10 classes · 100 training and 10 test images',
    );
  });
});
