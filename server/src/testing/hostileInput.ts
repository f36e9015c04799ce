// Hostile strings for the fuzz tests of every input boundary (Twilio webhooks, the web chat
// socket, the staff API), and the normalisation the product documents for text it stores.
// Each entry is text someone could really send, or a tool could send on their behalf.
import fc from 'fast-check';

export const XSS_IMG = '<img src=x onerror="window.__hostileRan=1">';
export const XSS_SCRIPT = '<script>window.__hostileRan=1</script>';

export const HOSTILE_STRINGS = {
  html: `${XSS_IMG} and ${XSS_SCRIPT}`,
  htmlEntities: '&lt;b&gt; &amp;amp; &#x3C;script&#x3E; &quot;',
  svg: '<svg/onload=alert(1)><a href="javascript:alert(1)">click</a>',
  sql: `Robert'); DROP TABLE "Message"; --`,
  sqlTautology: `' OR '1'='1' -- ; SELECT * FROM "StaffUser" WHERE 1=1 /*`,
  sqlLike: '100% _sure_ \\ %% ESCAPE',
  emoji10000: '😀'.repeat(10_000),
  emojiZwj: '👩🏽‍🔧👨‍👩‍👧‍👦🏳️‍🌈'.repeat(50),
  nullByte: 'before\u0000after',
  onlyNull: '\u0000',
  loneHighSurrogate: 'broken \ud83d here',
  loneLowSurrogate: 'broken \ude00 here',
  reversedPair: '\ude00\ud83d',
  controlCharacters: 'bell\u0007 escape\u001b[31mred\u001b[0m tab\tvertical\u000bform\u000c',
  crlfInjection: 'line\r\nSet-Cookie: pwned=1\r\n\r\n<html>',
  bidi: 'abc\u202edcba\u202c \u2066isolate\u2069',
  zeroWidth: 'in\u200bvis\u200cible\u200d\ufeff',
  zalgo: 'Z̵̡̢̛̖̗̘̙̜̝̞̟̠̣̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡a',
  nonCharacters: '\uffff\ufffe\u{10ffff}',
  formatStrings: '%s%s%s%n%x ${7*7} {{7*7}} #{7*7} <%= 7*7 %>',
  pathTraversal: '../../../../etc/passwd %2e%2e%2f',
  prototypeWords: '__proto__ constructor prototype toString hasOwnProperty',
  jsonInString: '{"__proto__":{"polluted":true}}',
  whitespaceOnly: ' \t\n\u00a0\u3000 ',
  longAscii: 'a'.repeat(60_000),
  percentEncoded: '%00%FF%FE%C0%AF',
  rtlArabic: 'مرحبا، لم يأت أحد لإصلاح الغلاية',
  welsh: 'Mae’r boeler wedi torri ers wythnos — ŵ ŷ â',
} satisfies Record<string, string>;

/** A very long "phone number" for fields that expect one. */
export const LONG_PHONE = '+44' + '7'.repeat(500);

/**
 * What PostgreSQL keeps of resident text (documented in README "Security"): U+0000 cannot be
 * held in a text column, so it is removed; an unpaired UTF-16 surrogate is not a character
 * and becomes U+FFFD, as any UTF-8 encoder makes it. Everything else is kept as sent.
 */
export function expectedStoredText(text: string): string {
  return text.replaceAll('\u0000', '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Any text at all, code unit by code unit: lone surrogates, NULs and controls included. */
export const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.max(1, Math.floor(maxLength / 8)) }),
    fc.constantFrom(...Object.values(HOSTILE_STRINGS).filter((text) => text.length <= maxLength)),
  );

/** Deeply nested JSON: [[[[...]]]] `depth` levels down. */
export const deeplyNestedJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** JSON bodies that try to reach Object.prototype through the parser. */
export const PROTOTYPE_POLLUTION_BODIES = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":1,"__proto__":{"roles":["admin"]}}',
];
