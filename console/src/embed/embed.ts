// The embed snippet (/chat/embed.js). A landlord adds one tag to its own site:
//   <script src="https://complaints.example.org/chat/embed.js" async></script>
// It adds a "Chat with us" button that opens the resident web chat (/chat) in a panel: a frame
// of this server's own page, so the chat, its session and its data stay on this server's origin.
// The server only lets the sites in WEBCHAT_EMBED_ORIGINS frame /chat.
//
// Styles are set through the DOM (element.style), never a <style> tag or style attribute, so a
// strict Content-Security-Policy on the landlord's site does not break the button.
import { EMBED_CLOSE, EMBED_FOCUS } from '../chat/embedProtocol.ts';

const INK = '#1b1b1b';
const ACCENT = '#1d4f91';
const FOCUS = '#ffbf47';

type Style = Partial<Record<keyof CSSStyleDeclaration, string>>;
const style = (element: HTMLElement, values: Style) => Object.assign(element.style, values);

function button(text: string, colours: Style): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  style(element, { font: '600 1rem/1.2 system-ui, sans-serif', padding: '0.75rem 1.1rem', minHeight: '44px', minWidth: '44px', cursor: 'pointer', borderRadius: '0', ...colours });
  // A focus ring the landlord's own CSS cannot take away.
  element.addEventListener('focus', () => style(element, { outline: `3px solid ${FOCUS}`, outlineOffset: '2px', boxShadow: `0 0 0 5px ${INK}` }));
  element.addEventListener('blur', () => style(element, { outline: '', outlineOffset: '', boxShadow: '' }));
  return element;
}

function install(script: HTMLScriptElement): void {
  const chatOrigin = new URL(script.src).origin;
  const label = script.dataset.label || 'Chat with us';

  const launcher = button(label, { position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000', color: '#fff', background: ACCENT, border: '2px solid #fff' });
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'complaints-chat-panel');

  const panel = document.createElement('div');
  panel.id = 'complaints-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', label);
  panel.hidden = true;
  style(panel, { display: 'none', boxSizing: 'border-box', position: 'fixed', zIndex: '2147483001', flexDirection: 'column', background: '#fff', border: `2px solid ${INK}`, boxShadow: '0 4px 16px rgba(0,0,0,0.3)' });

  const bar = document.createElement('div');
  style(bar, { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.5rem', padding: '0.25rem 0.25rem 0.25rem 0.75rem', background: ACCENT, color: '#fff', font: '600 1.1rem/1.2 system-ui, sans-serif' });
  const title = document.createElement('span');
  title.textContent = label;
  const close = button('Close chat', { color: ACCENT, background: '#fff', border: '2px solid #fff' });
  bar.append(title, close);

  const frame = document.createElement('iframe');
  frame.title = label;
  style(frame, { flex: '1 1 auto', width: '100%', border: '0' });
  panel.append(bar, frame);

  // Whole screen on a phone; a panel above the button on anything wider.
  const small = window.matchMedia('(max-width: 30rem)');
  const place = () =>
    style(
      panel,
      small.matches
        ? { inset: '0', right: '0', bottom: '0', width: '100%', height: '100%' }
        : { inset: 'auto', right: '1rem', bottom: '5rem', width: 'min(26rem, calc(100vw - 2rem))', height: 'min(40rem, calc(100vh - 7rem))' },
    );
  place();
  small.addEventListener('change', place);

  let loaded = false;
  const focusChat = () => {
    frame.focus();
    if (loaded) frame.contentWindow?.postMessage({ type: EMBED_FOCUS }, chatOrigin);
  };

  function open(): void {
    if (!frame.src) {
      // Loaded on first open only: no session is started for visitors who never chat.
      frame.addEventListener(
        'load',
        () => {
          loaded = true;
          if (!panel.hidden) focusChat();
        },
        { once: true },
      );
      frame.src = `${chatOrigin}/chat?embed=1`;
    }
    panel.hidden = false;
    style(panel, { display: 'flex' });
    launcher.setAttribute('aria-expanded', 'true');
    focusChat();
  }

  function shut(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    style(panel, { display: 'none' });
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : shut()));
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') shut();
  });
  // Escape pressed inside the chat reaches us as a message from that frame only.
  window.addEventListener('message', (event) => {
    if (event.origin === chatOrigin && event.source === frame.contentWindow && (event.data as { type?: unknown } | null)?.type === EMBED_CLOSE) shut();
  });

  document.body.append(launcher, panel);
}

const current = document.currentScript;
const marker = window as unknown as { complaintsChatEmbedded?: boolean };
if (current instanceof HTMLScriptElement && !marker.complaintsChatEmbedded) {
  marker.complaintsChatEmbedded = true;
  if (document.body) install(current);
  else document.addEventListener('DOMContentLoaded', () => install(current), { once: true });
}
