// The Bot Framework endpoint's SDK parts against a local stand-in for Azure Bot Service: the
// SDK's JWT validation (signature, issuer, audience, endorsement, serviceUrl claim) and the
// connector client posting replies, with no network beyond 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BotConnector, credentialsFactoryFor } from './BotConnector.ts';
import { FAKE_OUTBOUND_TOKEN, FixedTokenCredentialsFactory, startFakeBotConnector, type FakeBotConnector } from './fakeBotConnector.ts';

const APP_ID = '00000000-0000-4000-8000-00000000b075';
const SETTINGS = { appId: APP_ID, appPassword: 'test-app-password', tenantId: undefined };

let channel: FakeBotConnector;
let connector: BotConnector;
beforeAll(async () => {
  channel = await startFakeBotConnector(APP_ID);
  connector = new BotConnector(SETTINGS, {
    openIdMetadataUrl: channel.openIdMetadataUrl,
    credentialsFactory: new FixedTokenCredentialsFactory(APP_ID, SETTINGS.appPassword),
  });
});
afterAll(async () => {
  await channel?.close();
});

describe('BotConnector.receive', () => {
  // The SDK prints every rejected token to stderr itself; keep the test output readable.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it('accepts a message signed by the channel and says what to store', async () => {
    const activity = channel.activity({ id: 'act-1', text: 'My boiler is broken' });
    const outcome = await connector.receive(activity, `Bearer ${channel.token()}`);
    expect(outcome).toEqual({
      kind: 'message',
      message: {
        providerMessageId: 'directline/dl-conversation-1/act-1',
        address: 'directline/dl-conversation-1',
        body: 'My boiler is broken',
        media: [],
        conversationReference: expect.objectContaining({
          activityId: 'act-1',
          channelId: 'directline',
          serviceUrl: channel.serviceUrl,
          conversation: { id: 'dl-conversation-1' },
          user: { id: 'dl-user-1', name: 'Resident' },
          bot: { id: APP_ID, name: 'Complaints bot' },
        }),
      },
    });
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['a token signed with an unpublished key', () => `Bearer ${channel.forgedToken()}`],
    ['a token for another app', () => `Bearer ${channel.token({ aud: 'someone-else' })}`],
    ['a token from another issuer', () => `Bearer ${channel.token({ iss: 'https://evil.example.org' })}`],
    ['an expired token', () => `Bearer ${channel.token({ exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 })}`],
    ['a token for another serviceUrl (replies would carry our token elsewhere)', () => `Bearer ${channel.token({ serviceurl: 'https://evil.example.org' })}`],
    ['a scheme other than Bearer', () => `Basic ${channel.token()}`],
  ])('rejects %s with 401', async (_name, header) => {
    const outcome = await connector.receive(channel.activity(), header());
    expect(outcome).toMatchObject({ kind: 'rejected', status: 401 });
  });

  it('rejects a channel the signing key is not endorsed for', async () => {
    const outcome = await connector.receive(channel.activity({ channelId: 'slack' }), `Bearer ${channel.token()}`);
    expect(outcome).toMatchObject({ kind: 'rejected', status: 401 });
  });

  it('authenticates before anything else: a bad token on a malformed message is 401, a good token on it 400', async () => {
    const malformed = channel.activity({ conversation: undefined });
    expect(await connector.receive(malformed, `Bearer ${channel.forgedToken()}`)).toMatchObject({ status: 401 });
    expect(await connector.receive(malformed, `Bearer ${channel.token()}`)).toMatchObject({ status: 400, reason: expect.stringContaining('conversation') });
    expect(await connector.receive('not an activity', `Bearer ${channel.token()}`)).toMatchObject({ status: 400 });
  });

  it('ignores authenticated activities that carry nothing a resident said', async () => {
    const update = channel.activity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'dl-user-1' }] });
    expect(await connector.receive(update, `Bearer ${channel.token()}`)).toEqual({ kind: 'ignored', type: 'conversationUpdate' });
    expect(await connector.receive(channel.activity({ text: '  ' }), `Bearer ${channel.token()}`)).toMatchObject({ kind: 'ignored' });
  });

  it('keeps attachments with a URL as media', async () => {
    const photo = channel.activity({ text: '', attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://files.example.org/damp.jpg' }] });
    const outcome = await connector.receive(photo, `Bearer ${channel.token()}`);
    expect(outcome).toMatchObject({ kind: 'message', message: { body: '', media: [{ url: 'https://files.example.org/damp.jpg', contentType: 'image/jpeg' }] } });
  });
});

describe('BotConnector.sendText', () => {
  it('replies through the Bot Connector at the reference serviceUrl, with the bot token, threaded to the activity', async () => {
    const before = channel.replies.length;
    const id = await connector.sendText(
      { activityId: 'act-9', channelId: 'directline', serviceUrl: channel.serviceUrl, conversation: { id: 'dl-conversation-1', isGroup: false, conversationType: 'personal', name: '' }, user: { id: 'dl-user-1', name: 'Resident' }, bot: { id: APP_ID, name: 'bot' } },
      'Thanks, we have logged that.',
    );
    expect(id).toMatch(/^reply-\d+$/);
    expect(channel.replies.slice(before)).toEqual([
      expect.objectContaining({
        conversationId: 'dl-conversation-1',
        replyToId: 'act-9',
        authorization: `Bearer ${FAKE_OUTBOUND_TOKEN}`,
        activity: expect.objectContaining({ type: 'message', text: 'Thanks, we have logged that.', recipient: { id: 'dl-user-1', name: 'Resident' } }),
      }),
    ]);
  });

  it('throws when the connector refuses (the adapter records that as failed)', async () => {
    channel.respondWith(403);
    await expect(
      connector.sendText({ activityId: 'a', channelId: 'directline', serviceUrl: channel.serviceUrl, conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' }, user: { id: 'u', name: '' }, bot: { id: APP_ID, name: '' } }, 'x'),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('credentials from configuration', () => {
  // The SDK asks Entra ID for tokens at <login URL>/<tenant>: botframework.com for multi-tenant
  // apps, the landlord's own tenant for a single-tenant registration.
  const login = 'https://login.microsoftonline.com/botframework.com';
  const scope = 'https://api.botframework.com';

  it('is single-tenant when MICROSOFT_APP_TENANT_ID is set', async () => {
    const factory = credentialsFactoryFor({ ...SETTINGS, tenantId: '11111111-2222-4333-8444-555555555555' });
    const credentials = (await factory.createCredentials(APP_ID, scope, login, true)) as unknown as { oAuthEndpoint: string; appId: string };
    expect(credentials.oAuthEndpoint).toBe('https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555');
    expect(credentials.appId).toBe(APP_ID);
  });

  it('is multi-tenant otherwise, and refuses another app id', async () => {
    const factory = credentialsFactoryFor(SETTINGS);
    const credentials = (await factory.createCredentials(APP_ID, scope, login, true)) as unknown as { oAuthEndpoint: string };
    expect(credentials.oAuthEndpoint).toBe('https://login.microsoftonline.com/botframework.com');
    expect(await factory.isValidAppId(APP_ID)).toBe(true);
    expect(await factory.isValidAppId('another-app')).toBe(false);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
  });
});
