// The theme switch in the top bar: System, Light or Dark, remembered across launches.

import { useState } from 'react';
import { chooseTheme, readThemeChoice, THEME_CHOICES, type ThemeChoice, themeStorage } from '../state/theme';

export function ThemePicker() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(themeStorage()));
  return (
    <label className="field field-inline theme-picker">
      <span className="field-label">Theme</span>
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          chooseTheme(next);
        }}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}
