// Twilio signs each webhook with HMAC-SHA1 over the URL it called and the sorted form fields.
// The URL must be the public one Twilio used (PUBLIC_BASE_URL + path), never one rebuilt from
// the Host header, which a proxy changes and an attacker controls.
import twilio from 'twilio';

export type WebhookParams = Record<string, string>;

export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: WebhookParams): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}

/** The signature Twilio would send: for tests that play Twilio. */
export function signTwilioWebhook(authToken: string, url: string, params: WebhookParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
