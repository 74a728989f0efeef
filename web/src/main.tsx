import '@amsterdam/design-system-assets/font/index.css';
import '@amsterdam/design-system-css/dist/index.css';
import '@amsterdam/design-system-tokens/dist/index.css';
// Compact Mode: Brug is an internal application with dense tables.
import '@amsterdam/design-system-tokens/dist/compact.css';
import './common/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app';
import { addFavicon } from './common/favicon';
import { setupI18n } from './common/i18n';

setupI18n();
addFavicon();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
