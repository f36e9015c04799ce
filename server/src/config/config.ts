// Configuration is read once at start-up and validated here. A bad value stops the process with
// one line naming the variable and what is expected. Optional features (Twilio, the Bot
// Framework endpoint, Redis) are off when their variables are absent.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_OMBUDSMAN_CONTACT } from '../domain/letters/context.ts';
import type { LetterContext } from '../domain/letters/context.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (protocols: string[], what: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be ${what}`);

const optionalUrl = (protocols: string[], what: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), url(protocols, what).optional());

/** A postal address on one line, parts separated by commas ("1 Quay Street, Manchester, M1 1AA"). */
const addressLines = optionalText.transform((value) =>
  value === undefined ? undefined : value.split(/\s*[,|]\s*/).filter((line) => line !== ''),
);

const optionalEmail = optionalText.pipe(z.email('must be an email address').optional());
const optionalPhone = optionalText.pipe(z.string().regex(/^[+\d][\d ()-]{5,30}$/, 'must be a phone number').optional());

/** A whole number within [min, max]; `what` completes "must be …" in the error. */
const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be ${what}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be ${what}`);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const ZEnvironmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
    PORT: wholeNumber(1, 65535, 'a whole number from 1 to 65535').default(3000),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'a postgres:// or postgresql:// URL'),
    DATA_DIR: z.string().trim().min(1, 'must be a folder path').default('./data'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    PUBLIC_BASE_URL: optionalUrl(['https:', 'http:'], 'an http(s) origin such as https://complaints.example.org'),
    TRUST_PROXY: booleanFlag.default(false),
    SESSION_TTL_HOURS: wholeNumber(1, 720, 'a whole number of hours from 1 to 720').default(12),
    ADMIN_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    LANDLORD_NAME: z.string().trim().min(1).default('Your housing provider'),
    // Letters (6.5, 6.16, 3.7): how residents reach the complaints team and the Ombudsman.
    LANDLORD_COMPLAINTS_TEAM: optionalText,
    LANDLORD_CONTACT_PHONE: optionalPhone,
    LANDLORD_CONTACT_EMAIL: optionalEmail,
    LANDLORD_WEBSITE: optionalText,
    LANDLORD_ADDRESS: addressLines,
    OMBUDSMAN_NAME: optionalText,
    OMBUDSMAN_PHONE: optionalPhone,
    OMBUDSMAN_EMAIL: optionalEmail,
    OMBUDSMAN_WEBSITE: optionalText,
    OMBUDSMAN_ADDRESS: addressLines,
    TWILIO_ACCOUNT_SID: optionalText.pipe(z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC followed by 32 hex characters)').optional()),
    TWILIO_AUTH_TOKEN: optionalText,
    TWILIO_SMS_FROM: optionalText.pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +447700900123').optional()),
    TWILIO_WHATSAPP_FROM: optionalText.pipe(
      z.string().regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must look like whatsapp:+447700900123').optional(),
    ),
    // The approved template for WhatsApp updates outside the 24-hour customer-service window.
    TWILIO_WHATSAPP_TEMPLATE_SID: optionalText.pipe(
      z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Twilio content SID (HX followed by 32 hex characters)').optional(),
    ),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'a redis:// or rediss:// URL'),
    // Redis pub/sub channels are shared by every database number: deployments sharing one Redis
    // (staging beside production) each need their own prefix.
    REDIS_KEY_PREFIX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes, colons or underscores')
      .default('complaints-desk'),
    WEBCHAT_SESSION_DAYS: wholeNumber(1, 365, 'a whole number of days from 1 to 365').default(30),
    // The landlord's own sites that may show /chat in a frame (the embed snippet).
    WEBCHAT_EMBED_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter((origin) => origin !== '')),
    // Development only: try SMS and WhatsApp against a simulated Twilio (see phoneSimulatorOn).
    PHONE_SIMULATOR: z.preprocess((value) => (value === '' ? undefined : value), booleanFlag.optional()),
  })
  .superRefine((env, ctx) => {
    const require = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      require(env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', 'must be set together with ADMIN_EMAIL and ADMIN_PASSWORD');
    }
    const twilioAny = env.TWILIO_ACCOUNT_SID || env.TWILIO_AUTH_TOKEN || env.TWILIO_SMS_FROM || env.TWILIO_WHATSAPP_FROM;
    if (twilioAny) {
      if (!env.TWILIO_ACCOUNT_SID) require('TWILIO_ACCOUNT_SID', 'is required when any TWILIO_ variable is set');
      if (!env.TWILIO_AUTH_TOKEN) require('TWILIO_AUTH_TOKEN', 'is required when any TWILIO_ variable is set');
      if (!env.TWILIO_SMS_FROM && !env.TWILIO_WHATSAPP_FROM) {
        require('TWILIO_SMS_FROM', 'or TWILIO_WHATSAPP_FROM is required when Twilio is configured');
      }
      // Twilio signs webhooks against the public URL it called; the Host header is not enough.
      if (!env.PUBLIC_BASE_URL) require('PUBLIC_BASE_URL', 'is required when Twilio is configured (the https origin Twilio calls)');
    }
    if (Boolean(env.MICROSOFT_APP_ID) !== Boolean(env.MICROSOFT_APP_PASSWORD)) {
      require(env.MICROSOFT_APP_ID ? 'MICROSOFT_APP_PASSWORD' : 'MICROSOFT_APP_ID', 'must be set together with MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD');
    }
    if (env.PHONE_SIMULATOR && env.NODE_ENV === 'production') {
      require('PHONE_SIMULATOR', 'cannot be on in production: the phone simulator accepts messages from anyone who can reach the server');
    }
    // The simulator must never send a real message, so it never runs beside real Twilio.
    if (env.PHONE_SIMULATOR && twilioAny) require('PHONE_SIMULATOR', 'cannot be on while Twilio is configured: unset the TWILIO_ variables to use the simulator');
    if (env.NODE_ENV === 'production' && env.PUBLIC_BASE_URL && !env.PUBLIC_BASE_URL.startsWith('https:')) {
      require('PUBLIC_BASE_URL', 'must be https in production');
    }
    const notAnOrigin = env.WEBCHAT_EMBED_ORIGINS.find((origin) => !isEmbedOrigin(origin, env.NODE_ENV === 'production'));
    if (notAnOrigin !== undefined) {
      require('WEBCHAT_EMBED_ORIGINS', `must be https origins separated by commas, such as https://www.example.org,https://example.org ("${notAnOrigin}" is not one)`);
    }
  });

/** An https origin (scheme and host, no path); plain http only for this machine, outside production. */
function isEmbedOrigin(value: string, production: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return false;
  }
  if (parsed.origin !== value) return false;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local && !production);
}

type Environment = z.infer<typeof ZEnvironmentSchema>;

export interface Config {
  env: Environment['NODE_ENV'];
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  logLevel: Environment['LOG_LEVEL'];
  publicBaseUrl: string | undefined;
  trustProxy: boolean;
  sessionTtlHours: number;
  initialAdmin: { email: string; password: string } | undefined;
  landlordName: string;
  /** The landlord's and the Housing Ombudsman's details printed on every letter. */
  letters: LetterContext;
  twilio:
    | {
        accountSid: string;
        authToken: string;
        smsFrom: string | undefined;
        whatsappFrom: string | undefined;
        whatsappTemplateSid: string | undefined;
      }
    | undefined;
  botFramework: { appId: string; appPassword: string; tenantId: string | undefined } | undefined;
  redisUrl: string | undefined;
  /** Prefix of the socket.io channels in Redis (REDIS_KEY_PREFIX). */
  redisKeyPrefix: string;
  webChat: {
    /** A web chat session idle longer than this is not resumed; a fresh one is issued. */
    sessionDays: number;
    /** Origins allowed to frame /chat (CSP frame-ancestors); empty: only this site. */
    embedOrigins: string[];
  };
  /** The development phone simulator (and simulated Twilio): never with real Twilio or in production. */
  phoneSimulator: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with a one-line message on any bad value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnvironmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      const given = source[variable];
      const shown = given === undefined || /PASSWORD|TOKEN|SECRET/.test(variable) ? '' : ` (got "${given}")`;
      return `${variable} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir },
    dataDir,
    logLevel: env.LOG_LEVEL,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    trustProxy: env.TRUST_PROXY,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    initialAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    landlordName: env.LANDLORD_NAME,
    letters: {
      landlord: withoutUndefined({
        name: env.LANDLORD_NAME,
        complaintsTeam: env.LANDLORD_COMPLAINTS_TEAM,
        phone: env.LANDLORD_CONTACT_PHONE,
        email: env.LANDLORD_CONTACT_EMAIL,
        website: env.LANDLORD_WEBSITE,
        address: env.LANDLORD_ADDRESS,
      }),
      ombudsman: {
        ...DEFAULT_OMBUDSMAN_CONTACT,
        ...withoutUndefined({
          name: env.OMBUDSMAN_NAME,
          phone: env.OMBUDSMAN_PHONE,
          email: env.OMBUDSMAN_EMAIL,
          website: env.OMBUDSMAN_WEBSITE,
          address: env.OMBUDSMAN_ADDRESS,
        }),
      },
    },
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            smsFrom: env.TWILIO_SMS_FROM,
            whatsappFrom: env.TWILIO_WHATSAPP_FROM,
            whatsappTemplateSid: env.TWILIO_WHATSAPP_TEMPLATE_SID,
          }
        : undefined,
    botFramework:
      env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD
        ? { appId: env.MICROSOFT_APP_ID, appPassword: env.MICROSOFT_APP_PASSWORD, tenantId: env.MICROSOFT_APP_TENANT_ID }
        : undefined,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    webChat: { sessionDays: env.WEBCHAT_SESSION_DAYS, embedOrigins: env.WEBCHAT_EMBED_ORIGINS },
    phoneSimulator: env.PHONE_SIMULATOR ?? (env.NODE_ENV === 'development' && !(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN)),
  };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** The optional parts and whether they are on, for one start-up log line each. */
export function describeFeatures(config: Config): { feature: string; on: boolean; off: string }[] {
  return [
    { feature: 'twilio', on: Boolean(config.twilio), off: 'Twilio SMS and WhatsApp are off (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, a sender and PUBLIC_BASE_URL)' },
    { feature: 'botframework', on: Boolean(config.botFramework), off: 'the Bot Framework endpoint is off (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD)' },
    { feature: 'redis', on: Boolean(config.redisUrl), off: 'Redis is off: running as a single process (set REDIS_URL to run several)' },
    { feature: 'webchat-embed', on: config.webChat.embedOrigins.length > 0, off: 'the web chat embed snippet is off: no other site may show /chat (set WEBCHAT_EMBED_ORIGINS)' },
    {
      feature: 'phone-simulator',
      on: config.phoneSimulator,
      off:
        config.env === 'production'
          ? 'the phone simulator is off (development only)'
          : config.twilio
            ? 'the phone simulator is off: real Twilio is configured, and the simulator must never send real messages'
            : 'the phone simulator is off (set PHONE_SIMULATOR=true to try SMS and WhatsApp without Twilio)',
    },
  ];
}
