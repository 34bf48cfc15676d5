// "Built-in recipe": the choice above the training form, and what a chosen recipe trains on, its
// network, epochs and rough duration. The recipe fixes everything else, so the form's fields are
// hidden while one is chosen; only the new model's name is the person's.

import type { ReactNode } from 'react';
import type { RecipeSummary } from '../../../app/shared/types';
import { ChoiceOptions, Field } from '../../components/field';
import { durationText, epochsText, mixLines, recipeModelName } from '../../training/recipe-choice';

/** A chosen recipe's id ('' for none) and the name its model is to be saved under. */
export interface RecipeChoice {
  id: string;
  name: string;
}

/** The picker, then the chosen recipe in the form's place, or the form (`children`) with none chosen. */
export function RecipeOrForm(props: {
  recipes: RecipeSummary[];
  choice: RecipeChoice;
  onPick: (id: string) => void;
  onName: (name: string) => void;
  disabled: boolean;
  children: ReactNode;
}) {
  const recipe = props.recipes.find((r) => r.id === props.choice.id);
  return (
    <>
      <RecipePicker
        recipes={props.recipes}
        recipeId={recipe ? recipe.id : ''}
        onChange={props.onPick}
        disabled={props.disabled}
      />
      {recipe ? (
        <RecipeView
          recipe={recipe}
          name={props.choice.name}
          onName={props.onName}
          disabled={props.disabled}
        />
      ) : (
        props.children
      )}
    </>
  );
}

export function RecipePicker(props: {
  recipes: RecipeSummary[];
  recipeId: string;
  onChange: (id: string) => void;
  disabled: boolean;
}) {
  if (props.recipes.length === 0) return null;
  return (
    <Field
      htmlFor="train-recipe"
      label="Built-in recipe"
      className="field-wide recipe-picker"
      helpId="train-recipe-help"
      help={
        props.recipeId
          ? 'Trains exactly as the built-in model was trained. The result is saved as a new model of yours; the built-in one stays.'
          : 'Or rerun the recipe a built-in model was trained from.'
      }
    >
      <select
        id="train-recipe"
        value={props.recipeId}
        disabled={props.disabled}
        aria-describedby="train-recipe-help"
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">None: set up your own run</option>
        <ChoiceOptions choices={props.recipes.map((r) => ({ id: r.id, title: r.name }))} />
      </select>
    </Field>
  );
}

export function RecipeView(props: {
  recipe: RecipeSummary;
  name: string;
  onName: (name: string) => void;
  disabled: boolean;
}) {
  const r = props.recipe;
  const duration = durationText(r.estimatedSeconds);
  return (
    <fieldset className="recipe-view" disabled={props.disabled} aria-label={`Recipe: ${r.name}`}>
      <p>{r.description}</p>
      <dl className="recipe-facts">
        <dt>Data mix</dt>
        <dd>
          <ul aria-label="Data mix">
            {mixLines(r).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>Network</dt>
        <dd>
          {r.network} ({r.parameters.toLocaleString('en')} parameters, {r.classes} classes)
        </dd>
        <dt>Training</dt>
        <dd>{epochsText(r)}</dd>
        <dt>Validation</dt>
        <dd>
          {r.validationDonors.length > 0
            ? `Donors ${r.validationDonors.join(', ')}, kept out of training (they choose the calibration and the “Not sure” threshold)`
            : 'Sets kept out of training'}
        </dd>
        <dt>Tested on</dt>
        <dd>{[r.test, ...r.alsoTest].join('; ')}</dd>
        <dt>Time</dt>
        <dd>
          {duration
            ? `${duration} on a machine like the one it was measured on (2 cores); yours may differ`
            : 'unknown: a set of its mix is not built'}
        </dd>
      </dl>
      <Field htmlFor="train-recipe-name" label="Name">
        <input
          id="train-recipe-name"
          type="text"
          value={props.name}
          placeholder={recipeModelName(r)}
          maxLength={200}
          onChange={(e) => props.onName(e.target.value)}
        />
      </Field>
    </fieldset>
  );
}
