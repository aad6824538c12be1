import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectApi } from './api/client.ts';
import './styles/theme.css';
import './styles/layout.css';
import './styles/figures.css';
import './styles/controls.css';
import './styles/brief.css';

connectApi();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
