// pino logging: JSON in production, pretty in development. Residents' phone numbers and message
// bodies never reach the log at info level; only an explicit debug/trace level outside
// production shows them, for local troubleshooting.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

const PERSONAL_FIELDS = ['body', 'text', 'phone', 'from', 'to', 'address', 'email', 'password', 'Body', 'From', 'To'];
const redactPaths = [
  ...PERSONAL_FIELDS,
  ...PERSONAL_FIELDS.map((field) => `*.${field}`),
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
];

export function createLogger(config: Pick<Config, 'env' | 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
  const redact = config.env === 'production' || !verbose ? { paths: redactPaths, censor: '[redacted]' } : undefined;
  const options: pino.LoggerOptions = { level: config.logLevel, redact, base: undefined };
  if (destination) return pino(options, destination);
  if (config.env === 'development') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino(options);
}
