import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture(level: 'info' | 'debug', env: 'production' | 'test' = 'production') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ env, logLevel: level }, sink), lines };
}

describe('logger', () => {
  it('redacts phone numbers and message bodies at info level', () => {
    const { logger, lines } = capture('info');
    logger.info({ from: '+447700900123', body: 'my flat is damp', message: { body: 'nested text', to: '+447700900456' } }, 'inbound');
    const output = lines.join('');
    expect(output).not.toContain('+447700900123');
    expect(output).not.toContain('my flat is damp');
    expect(output).not.toContain('nested text');
    expect(output).not.toContain('+447700900456');
    expect(output).toContain('[redacted]');
  });

  it('never shows them in production, even at debug level', () => {
    const { logger, lines } = capture('debug', 'production');
    logger.debug({ body: 'my flat is damp' }, 'inbound');
    expect(lines.join('')).not.toContain('my flat is damp');
  });

  it('shows them at debug level outside production, for local troubleshooting', () => {
    const { logger, lines } = capture('debug', 'test');
    logger.debug({ body: 'my flat is damp' }, 'inbound');
    expect(lines.join('')).toContain('my flat is damp');
  });
});
