// The Train screen's "Built-in recipe", DOM-free: the request a chosen recipe sends, the name its model
// gets, and the recipe's figures in words. The core runs the recipe itself (its data, network and
// training win over anything the request says); the model lands with the user's models, never over
// the built-in one.

import { trainingSpecSchema } from '../../app/shared/api';
import type { RecipeSummary, TrainingSpec } from '../../app/shared/types';

/** The name a recipe run's model gets when the person gives none: never the built-in model's own. */
export function recipeModelName(summary: RecipeSummary): string {
  return `${summary.name}, trained here`;
}

/** `training:start`'s request for a recipe: its own spec, naming the recipe, with the model's name. */
export function recipeRequest(summary: RecipeSummary, name: string): TrainingSpec {
  const trimmed = name.trim();
  return trainingSpecSchema.parse({
    ...summary.spec,
    recipe: summary.id,
    name: trimmed === '' ? recipeModelName(summary) : trimmed,
  });
}

/** "about 35 min", "about 1 h 20 min"; null when the recipe's data is not built. */
export function durationText(seconds: number | null): string | null {
  if (seconds === null) return null;
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `about ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `about ${h} h${m ? ` ${m} min` : ''}`;
}

/** One line per source of the mix: "pen-digits train (donors except ibm): 5,623 images, 4 copies per epoch". */
export function mixLines(summary: RecipeSummary): string[] {
  return summary.mix.map((m) => {
    const images = m.images === null ? 'not built' : `${m.images.toLocaleString('en')} images`;
    return `${m.source}: ${images}${m.repeat > 1 ? `, ${m.repeat} copies per epoch` : ''}`;
  });
}

/** "15 epochs of 97,492 images" (or of an unknown count when a set of the mix is not built). */
export function epochsText(summary: RecipeSummary): string {
  const of =
    summary.imagesPerEpoch === null ? '' : ` of ${summary.imagesPerEpoch.toLocaleString('en')} images`;
  return `${summary.epochs} ${summary.epochs === 1 ? 'epoch' : 'epochs'}${of}`;
}
