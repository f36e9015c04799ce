// What PostgreSQL can keep of a string. A text column cannot hold U+0000, and an unpaired UTF-16
// surrogate (half of an emoji, left by a bad client) is not a character at all: any UTF-8
// encoder, the database driver's included, turns it into U+FFFD. Browser-safe (the console and
// the server both use it).
//
// Residents' messages are kept, normalised (a 4xx would lose them: Twilio does not resend an
// SMS it was refused); what staff type through the API is refused with a message instead, so
// that nothing they sent is silently changed.

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without U+0000 and with each unpaired surrogate as U+FFFD; anything else as it was. */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(UNPAIRED_SURROGATE, '\ufffd');
}

/** Why this text cannot be stored as it is, in words for the person who sent it; undefined when it can. */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a null character (U+0000), which cannot be stored: remove it and try again';
  UNPAIRED_SURROGATE.lastIndex = 0;
  if (UNPAIRED_SURROGATE.test(text)) return 'contains a broken character (half of an emoji or symbol): retype that part and try again';
  return undefined;
}
