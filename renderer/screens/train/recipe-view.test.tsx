import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainingSpec } from '../../../app/shared/types';
import { recipeRequest } from '../../training/recipe-choice';
import { digitsRecipe } from '../../training/recipe-fixture';
import { RecipeOrForm, RecipePicker } from './recipe-view';

/** The Train screen's recipe part with a stand-in form, and a Start button that sends the choice. */
function Harness({ onStart }: { onStart: (spec: TrainingSpec) => void }) {
  const recipes = [digitsRecipe()];
  const [choice, setChoice] = useState({ id: '', name: '' });
  const recipe = recipes.find((r) => r.id === choice.id);
  return (
    <>
      <RecipeOrForm
        recipes={recipes}
        choice={choice}
        onPick={(id) => setChoice((c) => ({ ...c, id }))}
        onName={(name) => setChoice((c) => ({ ...c, name }))}
        disabled={false}
      >
        <p>the usual form</p>
      </RecipeOrForm>
      <button type="button" onClick={() => recipe && onStart(recipeRequest(recipe, choice.name))}>
        Start training
      </button>
    </>
  );
}

afterEach(cleanup);

describe('Built-in recipe', () => {
  it('picking a recipe shows what it does in the form’s place, and Start sends it', () => {
    let sent: TrainingSpec | null = null;
    render(<Harness onStart={(s) => (sent = s)} />);
    expect(screen.getByText('the usual form')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Built-in recipe'), { target: { value: 'digits' } });
    expect(screen.queryByText('the usual form')).toBeNull();
    const view = screen.getByRole('group', { name: 'Recipe: Digits (built-in CNN)' });
    expect(view.textContent).toContain('MNIST and real pen digits');
    expect(screen.getByRole('list', { name: 'Data mix' }).textContent).toContain(
      'pen-digits train (donors except ibm): 5,623 images, 4 copies per epoch',
    );
    expect(view.textContent).toContain('conv 32 5×5');
    expect(view.textContent).toContain('317,066 parameters');
    expect(view.textContent).toContain('15 epochs of 86,492 images');
    expect(view.textContent).toContain('about 33 min');
    expect(view.textContent).toContain('Donors ibm');
    expect(view.textContent).toContain('UNIPEN donors apa, uqb, pri');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByText('Start training'));
    expect(sent).toMatchObject({ recipe: 'digits', name: 'Mine', epochs: 15, datasetId: 'mnist' });
    // Back to none: the usual form again.
    fireEvent.change(screen.getByLabelText('Built-in recipe'), { target: { value: '' } });
    expect(screen.getByText('the usual form')).toBeTruthy();
  });

  it('offers nothing when there are no recipes', () => {
    const { container } = render(
      <RecipePicker recipes={[]} recipeId="" onChange={() => {}} disabled={false} />,
    );
    expect(container.textContent).toBe('');
  });
});
