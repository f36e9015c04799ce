// Serves the built console (console/dist): the staff console at / and the resident web chat at
// /chat (with its embed snippet at /chat/embed.js), and in development the phone simulator at
// /simulator (a 404 everywhere else: its page must not exist in production). Any other page path
// falls back to the console's index so its client-side routes work. Compressed: the chat's size
// budget is gzipped bytes, and residents on cheap phone plans should receive exactly that.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import compression from 'compression';
import express, { Router, type RequestHandler } from 'express';
import { CHAT_EMBED_SCRIPT } from './securityHeaders.ts';

export function consoleDistFolder(): string {
  const consolePackage = createRequire(import.meta.url).resolve('@complaints/console/package.json');
  return path.join(path.dirname(consolePackage), 'dist');
}

const NOT_PAGES = /^\/(api|socket\.io|twilio|healthz)(\/|$)/;

const SIMULATOR_PAGE = /^\/simulator(\.html)?(\/.*)?$/;

export function staticSite(distFolder = consoleDistFolder(), options: { simulator?: boolean; chatPageLimit?: RequestHandler } = {}): Router {
  const router = Router();
  if (!options.simulator) {
    router.use((req, res, next) => (SIMULATOR_PAGE.test(req.path) ? void res.status(404).type('text/plain').send('Not Found') : next()));
  }
  if (!existsSync(path.join(distFolder, 'index.html'))) {
    router.get(/^(?!\/(api|socket\.io|twilio|healthz)(\/|$)).*/, (_req, res) => {
      res.status(503).type('text/plain').send('The console has not been built. Run `npm start` (it builds first) or `npm run build`.');
    });
    return router;
  }
  router.use(compression());
  // Hashed asset names never change content, so browsers may keep them for a year.
  router.use('/assets', express.static(path.join(distFolder, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  // Landlords' sites link this fixed name: cached briefly so an update reaches them within the hour.
  router.get(CHAT_EMBED_SCRIPT, (_req, res) => res.sendFile(path.join(distFolder, 'chat', 'embed.js'), { maxAge: '1h' }));
  // No directory redirects: /chat is the chat page itself (not a redirect to the chat/ folder
  // that holds embed.js, which would also answer with serve-static's own headers).
  router.use(express.static(distFolder, { index: false, redirect: false }));
  const chatPageLimit: RequestHandler = options.chatPageLimit ?? ((_req, _res, next) => next());
  router.get(/^\/chat(\/.*)?$/, chatPageLimit, (_req, res) => res.sendFile(path.join(distFolder, 'chat.html')));
  if (options.simulator) router.get(/^\/simulator\/?$/, (_req, res) => res.sendFile(path.join(distFolder, 'simulator.html')));
  router.get(/.*/, (req, res, next) => {
    if (NOT_PAGES.test(req.path)) return next();
    res.sendFile(path.join(distFolder, 'index.html'));
  });
  return router;
}
