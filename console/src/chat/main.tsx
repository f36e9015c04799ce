import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatPage } from './ChatPage.tsx';
import '../shared/base.css';
import './chat.css';

// ?embed: shown in the panel of the landlord's site (the embed snippet), not as a page of its own.
const embedded = new URLSearchParams(window.location.search).has('embed');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatPage embedded={embedded} />
  </StrictMode>,
);
