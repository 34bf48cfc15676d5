// Renderer entry: styles, then the app.
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyTheme, followSystemTheme } from './state/theme';
import './styles/base.css';
import './styles/controls.css';
import './styles/draw.css';
import './styles/train.css';
import './styles/samples-models.css';

// The theme before the first paint, so a dark-theme user never sees a light flash.
applyTheme();
followSystemTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
