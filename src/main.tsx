import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/global.css';
import { registerDraftsSource } from './persistence/register-drafts';

// Studio drafts appear in the trainee library (marked Draft), loaded lazily.
registerDraftsSource();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
