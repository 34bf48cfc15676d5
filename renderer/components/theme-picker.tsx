// The theme switch in the top bar: System, Light or Dark, remembered across launches.

import { useState } from 'react';
import { pageStorage } from '../state/stored-preference';
import { chooseTheme, readThemeChoice, THEME_CHOICES, type ThemeChoice } from '../state/theme';
import { ChoiceField } from './field';

export function ThemePicker() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(pageStorage()));
  return (
    <ChoiceField
      label="Theme"
      className="field-inline theme-picker"
      value={choice}
      choices={THEME_CHOICES}
      onChange={(next) => {
        setChoice(next);
        chooseTheme(next);
      }}
    />
  );
}
