import { describe, expect, it } from 'vitest';
import { ConfigError, describeFeatures, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('starts with nothing set: embedded database in ./data, port 3000, optional parts off but the development phone simulator', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\/data$/) });
    expect(config.twilio).toBeUndefined();
    expect(describeFeatures(config).filter((feature) => feature.on).map((feature) => feature.feature)).toEqual(['phone-simulator']);
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
    [{ TWILIO_WHATSAPP_TEMPLATE_SID: 'HX123' }, 'TWILIO_WHATSAPP_TEMPLATE_SID must be a Twilio content SID'],
    [{ WEBCHAT_SESSION_DAYS: '0' }, 'WEBCHAT_SESSION_DAYS must be a whole number of days from 1 to 365 (got "0")'],
    [{ WEBCHAT_EMBED_ORIGINS: 'https://www.example.org/contact' }, 'WEBCHAT_EMBED_ORIGINS must be https origins separated by commas, such as https://www.example.org,https://example.org ("https://www.example.org/contact" is not one)'],
    [{ WEBCHAT_EMBED_ORIGINS: 'https://ok.example.org, http://www.example.org' }, '("http://www.example.org" is not one)'],
    [{ WEBCHAT_EMBED_ORIGINS: '*' }, '("*" is not one)'],
    [{ NODE_ENV: 'production', WEBCHAT_EMBED_ORIGINS: 'http://localhost:8080' }, '("http://localhost:8080" is not one)'],
    [{ NODE_ENV: 'production', PHONE_SIMULATOR: 'true' }, 'PHONE_SIMULATOR cannot be on in production'],
    [{ PHONE_SIMULATOR: 'maybe' }, 'PHONE_SIMULATOR must be true or false (got "maybe")'],
    [
      { PHONE_SIMULATOR: 'true', TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_SMS_FROM: '+447700900123', PUBLIC_BASE_URL: 'https://complaints.example.org' },
      'PHONE_SIMULATOR cannot be on while Twilio is configured',
    ],
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
    expect(config.twilio?.whatsappTemplateSid).toBeUndefined();
    expect(config.publicBaseUrl).toBe('https://complaints.example.org');
  });

  it('reads the optional WhatsApp template for messages outside the 24-hour window', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: 'AC' + 'b'.repeat(32),
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+447700900123',
      TWILIO_WHATSAPP_TEMPLATE_SID: 'HX' + 'c'.repeat(32),
      PUBLIC_BASE_URL: 'https://complaints.example.org',
    });
    expect(config.twilio?.whatsappTemplateSid).toBe('HX' + 'c'.repeat(32));
  });

  it('reads the letter settings, with the Ombudsman\'s published details unless overridden', () => {
    const plain = loadConfig({ LANDLORD_NAME: 'Riverside Homes' });
    expect(plain.letters.landlord).toEqual({ name: 'Riverside Homes' });
    expect(plain.letters.ombudsman.phone).toBe('0300 111 3000');
    const config = loadConfig({
      LANDLORD_NAME: 'Riverside Homes',
      LANDLORD_COMPLAINTS_TEAM: 'Riverside Complaints Team',
      LANDLORD_CONTACT_PHONE: '0161 496 0000',
      LANDLORD_CONTACT_EMAIL: 'complaints@riverside.example',
      LANDLORD_ADDRESS: '1 Quay Street, Manchester, M1 1AA',
      OMBUDSMAN_PHONE: '0300 111 3001',
    });
    expect(config.letters.landlord).toEqual({
      name: 'Riverside Homes',
      complaintsTeam: 'Riverside Complaints Team',
      phone: '0161 496 0000',
      email: 'complaints@riverside.example',
      address: ['1 Quay Street', 'Manchester', 'M1 1AA'],
    });
    expect(config.letters.ombudsman).toMatchObject({ name: 'Housing Ombudsman Service', phone: '0300 111 3001', address: ['PO Box 152', 'Liverpool', 'L33 7WQ'] });
    expect(() => loadConfig({ LANDLORD_CONTACT_EMAIL: 'not an email' })).toThrow('LANDLORD_CONTACT_EMAIL must be an email address');
    expect(() => loadConfig({ OMBUDSMAN_PHONE: 'call us' })).toThrow('OMBUDSMAN_PHONE must be a phone number');
  });

  it('reads the web chat settings: session expiry and the sites that may embed the chat', () => {
    expect(loadConfig({}).webChat).toEqual({ sessionDays: 30, embedOrigins: [] });
    const config = loadConfig({ WEBCHAT_SESSION_DAYS: '7', WEBCHAT_EMBED_ORIGINS: ' https://www.example.org/ ,https://example.org:8443,' });
    expect(config.webChat).toEqual({ sessionDays: 7, embedOrigins: ['https://www.example.org', 'https://example.org:8443'] });
    // Plain http only for this machine, and never in production.
    expect(loadConfig({ WEBCHAT_EMBED_ORIGINS: 'http://127.0.0.1:4000' }).webChat.embedOrigins).toEqual(['http://127.0.0.1:4000']);
  });

  it('runs the phone simulator in development only, off in test unless asked, and never beside real Twilio', () => {
    const twilio = { TWILIO_ACCOUNT_SID: 'AC' + 'b'.repeat(32), TWILIO_AUTH_TOKEN: 'token', TWILIO_SMS_FROM: '+447700900123', PUBLIC_BASE_URL: 'https://complaints.example.org' };
    expect(loadConfig({ NODE_ENV: 'development' }).phoneSimulator).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', PHONE_SIMULATOR: 'false' }).phoneSimulator).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).phoneSimulator).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', PHONE_SIMULATOR: 'true' }).phoneSimulator).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).phoneSimulator).toBe(false);
    const withTwilio = loadConfig({ NODE_ENV: 'development', ...twilio });
    expect(withTwilio.phoneSimulator).toBe(false);
    expect(describeFeatures(withTwilio).find((feature) => feature.feature === 'phone-simulator')?.off).toContain('real Twilio is configured');
  });
});
