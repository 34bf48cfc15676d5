// The theme switch in the top bar: System, Light or Dark, remembered across launches.

import { useState } from 'react';
import { chooseTheme, readThemeChoice, THEME_CHOICES, type ThemeChoice, themeStorage } from '../state/theme';
import { ChoiceField } from './field';

export function ThemePicker() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(themeStorage()));
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
