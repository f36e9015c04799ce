import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './simulator.css';
import { PhoneSimulator } from './PhoneSimulator.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhoneSimulator />
  </StrictMode>,
);
