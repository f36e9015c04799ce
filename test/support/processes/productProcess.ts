// A server process for multi-process and fault tests: started as `npm start` starts it
// (configuration from the environment, startServer), with one difference — the Twilio SDK's
// httpClient forwards to FAKE_TWILIO_URL (fakeTwilioApi.ts in the test process), so every process
// under test sends to one fake Twilio the test can count and script.
import { createLogger, loadConfig, startServer } from '@complaints/server';
import type { TwilioHttpClient } from '@complaints/bot';

const fakeTwilioUrl = process.env.FAKE_TWILIO_URL;
if (!fakeTwilioUrl) throw new Error('productProcess.ts needs FAKE_TWILIO_URL');

const twilioHttpClient: TwilioHttpClient = {
  async request(options) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(options.data ?? {})) form.append(key, String(value));
    const response = await fetch(new URL(new URL(options.uri).pathname, fakeTwilioUrl), {
      method: options.method.toUpperCase(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { statusCode: response.status, body: await response.text(), headers };
  },
};

const config = loadConfig();
const logger = createLogger(config);
const server = await startServer({ config, logger, channels: { twilioHttpClient } });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
