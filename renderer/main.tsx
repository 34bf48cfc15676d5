// Renderer entry: styles, then the app.
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/base.css';
import './styles/controls.css';
import './styles/draw.css';
import './styles/train.css';
import './styles/samples-models.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
