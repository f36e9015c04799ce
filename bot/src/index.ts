// The bot package's public surface: the dissatisfaction detector, the conversation (bot and
// dialogs), its storage, turn serialiser, message catalogue and the intake port.
export { classify } from './detector/index.ts';
export type { Classification, Label } from './detector/index.ts';
export { ComplaintsBot } from './bots/ComplaintsBot.ts';
export type { ComplaintsBotOptions } from './bots/ComplaintsBot.ts';
export { PrismaStorage, ETagConflictError } from './storage/PrismaStorage.ts';
export { createTurnSerialiser } from './turns/serialiseTurns.ts';
export type { TurnSerialiser } from './turns/serialiseTurns.ts';
export { createMessages } from './messages/catalogue.ts';
export type { Messages, Resources } from './messages/catalogue.ts';
export { detectSafetyCue } from './safety/safeguarding.ts';
export type { SafetyCue } from './safety/safeguarding.ts';
export { PrismaIntake } from './intake/PrismaIntake.ts';
export type { PrismaIntakeOptions } from './intake/PrismaIntake.ts';
export type * from './intake/IntakePort.ts';
