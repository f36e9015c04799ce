import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';

// The resident web chat. The conversation itself arrives with the channels issue; this page
// already tells residents what it is and how else to reach the landlord.
function Chat() {
  return (
    <main>
      <h1>Chat with us</h1>
      <p>You can tell us about a problem with your home, or make a complaint, here.</p>
      <p className="muted">Web chat is being set up. Please contact us by phone, text or letter for now.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Chat />
  </StrictMode>,
);
