import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/global.css';
import { registerDraftsSource } from './persistence/drafts-source';

// Studio drafts appear in the trainee library (marked Draft); listing them needs only `idb`.
registerDraftsSource();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
