// The chat page's connection to the '/chat' socket.io namespace and the state it keeps, with no
// UI in it (useChat.ts binds it to components). On every (re)connection it first replays what
// it missed after the last message it has, then sends the outbox in order, one at a time; the
// server stores each clientId once, so a message whose acknowledgement was lost is not doubled.
import { io, type Socket } from 'socket.io-client';
import type { TWebChatReplayAck, TWebChatSendAck, TWebChatSession, TWebChatTyping } from '@complaints/server/schemas';
import { isIncoming, lastSeq, mergeMessages, newClientId, updatePending, AUTHOR_LABELS, type PendingMessage, type StoredMessage } from './conversation.ts';
import { chatStorage } from './storage.ts';

export type Connection = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'refused';

export interface ChatState {
  connection: Connection;
  /** Something the resident should know now, in plain words (a limit reached, a new chat). */
  notice: string | null;
  log: StoredMessage[];
  outbox: PendingMessage[];
  /** Who is writing to the resident right now. */
  typing: TWebChatTyping['author'] | null;
  /** New incoming messages for the screen reader, newest last. */
  announcements: { id: number; text: string }[];
}

const ACK_TIMEOUT_MS = 15_000;
const TYPING_IDLE_MS = 4_000;
// If "typing off" never arrives (a member of staff closed their tab), stop showing it.
const TYPING_SHOWN_MAX_MS = 20_000;
const NEW_CHAT_NOTICE = 'This is a new chat. Your earlier chat has ended, but our team still has its messages.';

export class ChatClient {
  private state: ChatState;
  private readonly listeners = new Set<() => void>();
  private readonly socket: Socket;
  private sessionId = chatStorage.sessionId();
  private historyLoaded = false;
  private syncing = false;
  private retryAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private typingShownTimer: ReturnType<typeof setTimeout> | undefined;
  private typingSent = false;
  private announcementId = 0;

  constructor() {
    this.state = { connection: 'connecting', notice: null, log: [], outbox: chatStorage.outbox(), typing: null, announcements: [] };
    this.socket = io('/chat', {
      path: '/socket.io',
      autoConnect: false,
      // Read at every (re)connection, so a reconnect resumes the session issued a moment ago.
      auth: (give) => give(this.sessionId ? { sessionId: this.sessionId } : {}),
    });
    this.socket.on('session', (session: TWebChatSession) => this.onSession(session));
    this.socket.on('message', (message: StoredMessage) => this.addStored([message]));
    this.socket.on('typing', (typing: TWebChatTyping) => this.onTyping(typing));
    this.socket.on('disconnect', (reason) => {
      this.set({ connection: navigator.onLine === false ? 'offline' : 'reconnecting', typing: null, outbox: this.state.outbox.map((m) => (m.state === 'sending' ? { ...m, state: 'waiting' } : m)) });
      // The server ended this connection on purpose: socket.io will not come back by itself.
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', (error: Error & { data?: { retryAfterMs?: number } }) => {
      if (this.socket.active) {
        // A network problem: socket.io keeps trying with back-off.
        this.set({ connection: navigator.onLine === false ? 'offline' : 'reconnecting' });
        return;
      }
      // Refused by the server (a limit, or it is unavailable): say why, try again later.
      this.set({ connection: 'refused', notice: error.message });
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.reconnect(), Math.max(5_000, error.data?.retryAfterMs ?? 60_000));
    });
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = () => this.state;

  start(): void {
    window.addEventListener('offline', this.onBrowserOffline);
    window.addEventListener('online', this.onBrowserOnline);
    this.socket.connect();
  }

  stop(): void {
    window.removeEventListener('offline', this.onBrowserOffline);
    window.removeEventListener('online', this.onBrowserOnline);
    clearTimeout(this.retryTimer);
    clearTimeout(this.typingTimer);
    clearTimeout(this.typingShownTimer);
    this.socket.close();
  }

  reconnect(): void {
    clearTimeout(this.retryTimer);
    if (!this.socket.connected) {
      this.set({ connection: 'connecting' });
      this.socket.connect();
    }
  }

  /** Queues the message (kept across reloads) and sends it now if connected. False if empty. */
  send(text: string): boolean {
    const trimmed = text.trim();
    if (!trimmed) return false;
    this.stopTyping();
    const message: PendingMessage = { clientId: newClientId(), text: trimmed, createdAt: new Date().toISOString(), state: 'waiting' };
    this.set({ outbox: [...this.state.outbox, message] });
    void this.sync();
    return true;
  }

  retry(clientId: string): void {
    this.set({ outbox: updatePending(this.state.outbox, clientId, { state: 'waiting', error: undefined }) });
    void this.sync();
  }

  remove(clientId: string): void {
    this.set({ outbox: this.state.outbox.filter((m) => m.clientId !== clientId) });
  }

  /** The resident is typing: staff see that (never what) until they stop for a few seconds. */
  residentTyping(): void {
    if (!this.socket.connected) return;
    if (!this.typingSent) {
      this.typingSent = true;
      this.socket.volatile.emit('typing', { typing: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingTimer);
    if (!this.typingSent) return;
    this.typingSent = false;
    if (this.socket.connected) this.socket.volatile.emit('typing', { typing: false });
  }

  private readonly onBrowserOffline = () => {
    if (!this.socket.connected) this.set({ connection: 'offline' });
  };

  private readonly onBrowserOnline = () => {
    if (this.state.connection === 'offline') this.set({ connection: 'reconnecting' });
  };

  private onSession(session: TWebChatSession): void {
    const hadSession = this.sessionId !== undefined;
    this.sessionId = session.sessionId;
    chatStorage.saveSessionId(session.sessionId);
    if (!session.resumed && hadSession) {
      // Expired (or no longer known): what this page shows belongs to the old chat. The outbox is
      // kept: the resident still wants those messages sent.
      this.set({ log: [], notice: NEW_CHAT_NOTICE });
    } else if (this.state.connection === 'refused') {
      this.set({ notice: null });
    }
    this.set({ connection: 'online' });
    void this.sync();
  }

  private onTyping({ typing, author }: TWebChatTyping): void {
    clearTimeout(this.typingShownTimer);
    if (typing) {
      this.set({ typing: author });
      this.typingShownTimer = setTimeout(() => this.set({ typing: null }), TYPING_SHOWN_MAX_MS);
    } else if (this.state.typing === author) {
      this.set({ typing: null });
    }
  }

  /** Replays what was missed, then sends the outbox. Runs once at a time; re-run after changes. */
  private async sync(): Promise<void> {
    if (this.syncing || !this.socket.connected) return;
    this.syncing = true;
    try {
      await this.replay();
      await this.flush();
    } catch {
      // Cut off mid-way (timeout, disconnect): the next connection syncs again.
    } finally {
      this.syncing = false;
    }
    // Something was queued (or retried) while this run was finishing.
    if (this.socket.connected && this.state.outbox.some((m) => m.state === 'waiting') && Date.now() >= this.retryAt) void this.sync();
  }

  private async replay(): Promise<void> {
    let afterSeq = lastSeq(this.state.log);
    for (;;) {
      const answer = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('replay', { afterSeq })) as TWebChatReplayAck;
      if (!answer.ok) {
        this.set({ notice: answer.error });
        return;
      }
      this.addStored(answer.messages);
      if (answer.messages.length === 0) break;
      afterSeq = answer.messages.at(-1)!.seq;
    }
    this.historyLoaded = true;
  }

  private async flush(): Promise<void> {
    for (;;) {
      const next = this.state.outbox.find((m) => m.state === 'waiting');
      if (!next || !this.socket.connected) return;
      const wait = this.retryAt - Date.now();
      if (wait > 0) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.sync(), wait);
        return;
      }
      this.set({ outbox: updatePending(this.state.outbox, next.clientId, { state: 'sending' }) });
      let ack: TWebChatSendAck;
      try {
        ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message', { clientId: next.clientId, text: next.text })) as TWebChatSendAck;
      } catch (error) {
        this.set({ outbox: updatePending(this.state.outbox, next.clientId, { state: 'waiting' }) });
        throw error;
      }
      if (ack.ok) {
        // Through again after a rate limit: its notice no longer applies.
        const wasLimited = this.retryAt !== 0;
        this.retryAt = 0;
        this.set({ outbox: this.state.outbox.filter((m) => m.clientId !== next.clientId), ...(wasLimited ? { notice: null } : {}) });
        this.addStored([{ seq: ack.seq, author: 'resident', text: next.text, createdAt: next.createdAt }]);
      } else if (ack.retryAfterMs !== undefined) {
        // Sending too fast: keep it and send it by itself once the server allows.
        this.retryAt = Date.now() + ack.retryAfterMs;
        this.set({ outbox: updatePending(this.state.outbox, next.clientId, { state: 'waiting' }), notice: ack.error });
      } else {
        this.set({ outbox: updatePending(this.state.outbox, next.clientId, { state: 'failed', error: ack.error }) });
      }
    }
  }

  private addStored(messages: StoredMessage[]): void {
    const { log, added } = mergeMessages(this.state.log, messages);
    if (added.length === 0) return;
    const change: Partial<ChatState> = { log };
    // History shown on opening the page is not read out; what arrives after it is.
    const heard = this.historyLoaded ? added.filter(isIncoming) : [];
    if (heard.length) {
      const fresh = heard.map((m) => ({ id: ++this.announcementId, text: `${AUTHOR_LABELS[m.author]}: ${m.text}` }));
      change.announcements = [...this.state.announcements, ...fresh].slice(-3);
    }
    this.set(change);
  }

  private set(change: Partial<ChatState>): void {
    const next = { ...this.state, ...change };
    if (next.outbox !== this.state.outbox) chatStorage.saveOutbox(next.outbox);
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
