// Integration-test kit for the Bot Framework endpoint: the real server with MICROSOFT_APP_ID
// set, and a local stand-in for Azure Bot Service (startFakeBotConnector) that publishes the
// signing key the SDK validates against and receives the replies the SDK posts.
import type { TestDatabase } from '@complaints/db/testing';
import { FixedTokenCredentialsFactory, startFakeBotConnector, type FakeBotConnector } from '@complaints/bot';
import type { RunningServer } from '../../createServer.ts';
import { startTestServer, type TestServer } from '../../testing/testServer.ts';

export const APP_ID = '00000000-0000-4000-8000-0000000b07f0';
const APP_PASSWORD = 'test-bot-app-password';

export interface BotFrameworkTestServer extends TestServer {
  channel: FakeBotConnector;
}

export async function startBotFrameworkTestServer(options: { database?: TestDatabase } = {}): Promise<BotFrameworkTestServer> {
  const channel = await startFakeBotConnector(APP_ID);
  const server = await startTestServer({
    database: options.database,
    env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD },
    channels: {
      botFramework: { openIdMetadataUrl: channel.openIdMetadataUrl, credentialsFactory: new FixedTokenCredentialsFactory(APP_ID, APP_PASSWORD) },
    },
  });
  const stop = server.stop;
  return Object.assign(server, {
    channel,
    stop: async () => {
      await stop();
      await channel.close();
    },
  });
}

/** POSTs an activity as Azure Bot Service does; `authorization: null` sends no header. */
export function postActivity(server: RunningServer, activity: unknown, authorization: string | null): Promise<Response> {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify(activity),
  });
}
