// The resident's preferred language as a BCP 47 code, from a reply such as "Polish" or "polski".
const CODES = ['ar', 'bn', 'cy', 'de', 'es', 'fa', 'fr', 'gu', 'hi', 'it', 'ku', 'lt', 'lv', 'pa', 'pl', 'ps', 'pt', 'ro', 'ru', 'so', 'sq', 'ta', 'ti', 'tr', 'uk', 'ur', 'zh', 'en'];

export function languageCode(answer: string): string | null {
  const said = answer.trim().toLowerCase();
  if (CODES.includes(said)) return said;
  for (const code of CODES) {
    const inEnglish = new Intl.DisplayNames(['en'], { type: 'language' }).of(code)?.toLowerCase();
    const inItself = new Intl.DisplayNames([code], { type: 'language' }).of(code)?.toLowerCase();
    if (said === inEnglish || said === inItself) return code;
  }
  return null;
}
