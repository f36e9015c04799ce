// Test helper: one bot over a database, driven through botbuilder's TestAdapter as an SMS
// conversation, returning the texts each message got back.
import { randomUUID } from 'node:crypto';
import { TestAdapter, type Activity, type Storage } from 'botbuilder';
import type { PrismaClient } from '@complaints/db';
import { fictionalMobile } from '@complaints/db/factories';
import { ComplaintsBot } from '../bots/ComplaintsBot.ts';
import type { Classification } from '../detector/index.ts';
import type { IntakeEventSink } from '../intake/IntakePort.ts';
import { PrismaIntake } from '../intake/PrismaIntake.ts';
import { PrismaStorage } from '../storage/PrismaStorage.ts';

/** Five weekdays after receipt (bank holidays are the server calendar's job). */
export function fiveWeekdaysAfter(receivedAt: Date): Date {
  const d = new Date(Date.UTC(receivedAt.getUTCFullYear(), receivedAt.getUTCMonth(), receivedAt.getUTCDate()));
  let added = 0;
  while (added < 5) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) added++;
  }
  return d;
}

// Far above the factories' counter, so a new chat's number is never a seeded resident's.
let nextPhone = 500;

export interface Clock {
  now: () => Date;
  set(iso: string): void;
}

export function clock(iso: string): Clock {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
}

export interface Chat {
  conversationId: string;
  phone: string;
  say(text: string): Promise<string[]>;
  /** A fresh adapter, bot, storage and intake over the same database: a process restart. */
  restart(): Chat;
}

export function startChat(
  prisma: PrismaClient,
  options: { clock: Clock; classify?: (text: string) => Classification; phone?: string; conversationId?: string; storage?: Storage; onEvent?: IntakeEventSink },
): Chat {
  const conversationId = options.conversationId ?? randomUUID();
  const phone = options.phone ?? fictionalMobile(nextPhone++);
  const storage = options.storage ?? new PrismaStorage(prisma);
  const intake = new PrismaIntake(prisma, { acknowledgementDueOn: fiveWeekdaysAfter, ...(options.onEvent ? { onEvent: options.onEvent } : {}) });
  const bot = new ComplaintsBot({ storage, intake, now: options.clock.now, ...(options.classify ? { classify: options.classify } : {}) });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'sms',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: phone, name: 'resident' },
    recipient: { id: 'bot', name: 'bot' },
  } as Partial<Activity>);
  return {
    conversationId,
    phone,
    async say(text) {
      await adapter.receiveActivity(text);
      return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
    },
    restart: () => startChat(prisma, { ...options, conversationId, phone, storage: undefined }),
  };
}
