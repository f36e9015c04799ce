import { describe, expect, it } from 'vitest';
import { ConfigError, describeFeatures, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('starts with nothing set: embedded database in ./data, port 3000, optional parts off', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\/data$/) });
    expect(config.twilio).toBeUndefined();
    expect(describeFeatures(config).every((feature) => !feature.on)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/complaints' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@db:5432/complaints',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ ADMIN_EMAIL: 'a@example.org' }, 'ADMIN_PASSWORD must be set together'],
    [{ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 12 characters'],
    [{ TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32) }, 'TWILIO_AUTH_TOKEN is required'],
    [{ TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_SMS_FROM: '+447700900123' }, 'PUBLIC_BASE_URL is required when Twilio is configured'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a secret back', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'tiny' })).toThrow(/^(?!.*tiny).*$/);
  });

  it('turns Twilio on only when it is fully configured', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: 'AC' + 'b'.repeat(32),
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+447700900123',
      PUBLIC_BASE_URL: 'https://complaints.example.org/',
    });
    expect(config.twilio?.whatsappFrom).toBe('whatsapp:+447700900123');
    expect(config.publicBaseUrl).toBe('https://complaints.example.org');
  });
});
