import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RenameForm } from './rename-form';

afterEach(cleanup);

function renameForm() {
  const saved: string[] = [];
  let cancelled = 0;
  render(
    <RenameForm
      label="New set title"
      name="Stars"
      maxLength={200}
      onSave={(name) => saved.push(name)}
      onCancel={() => cancelled++}
    />,
  );
  return {
    saved,
    cancelled: () => cancelled,
    box: screen.getByLabelText('New set title') as HTMLInputElement,
  };
}

describe('RenameForm', () => {
  it('starts from the current name and saves the new one trimmed', () => {
    const { saved, box } = renameForm();
    expect(box.value).toBe('Stars');
    expect(box.maxLength).toBe(200);
    fireEvent.change(box, { target: { value: '  Hearts ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).toEqual(['Hearts']);
  });

  it('saves no blank name, and Cancel saves nothing', () => {
    const { saved, cancelled, box } = renameForm();
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(saved).toEqual([]);
    expect(cancelled()).toBe(1);
  });
});
