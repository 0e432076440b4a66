import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/lib/card/termCard.css';
import './options.css';
import { OptionsApp } from './OptionsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
