// Every sentence the bot says lives in a catalogue (one JSON file per language), so a landlord
// can reword it or add a language without touching code. English is the fallback.
import { createInstance, type i18n, type TFunction } from 'i18next';
import type { TurnContext } from 'botbuilder';
import en from './en.json' with { type: 'json' };

export type Catalogue = typeof en;
export type Resources = Record<string, Record<string, unknown>>;

export interface Messages {
  /** A translator for one language, falling back to English key by key. */
  forLanguage(language: string): TFunction;
}

export function createMessages(overrides: Resources = {}): Messages {
  const resources: Record<string, { translation: Record<string, unknown> }> = { en: { translation: en } };
  for (const [language, catalogue] of Object.entries(overrides)) {
    const base = language === 'en' ? en : {};
    resources[language] = { translation: deepMerge(base as Record<string, unknown>, catalogue) };
  }
  const instance: i18n = createInstance();
  void instance.init({ lng: 'en', fallbackLng: 'en', resources, initAsync: false, showSupportNotice: false, interpolation: { escapeValue: false } });
  return { forLanguage: (language) => instance.getFixedT(language) };
}

const TRANSLATOR = Symbol('translator');

export function useTranslator(context: TurnContext, translate: TFunction): void {
  context.turnState.set(TRANSLATOR, translate);
}

/** The sentence for `key` in the resident's language. */
export function t(context: TurnContext, key: string, values?: Record<string, string>): string {
  const translate = context.turnState.get(TRANSLATOR) as TFunction | undefined;
  if (!translate) throw new Error('No message catalogue for this turn');
  return translate(key, values ?? {}) as string;
}

/** A list of words from the catalogue (yes/no words, command words), lower case. */
export function words(context: TurnContext, key: string): string[] {
  const translate = context.turnState.get(TRANSLATOR) as TFunction | undefined;
  if (!translate) throw new Error('No message catalogue for this turn');
  const value = translate(key, { returnObjects: true }) as unknown;
  return Array.isArray(value) ? value.map((w) => String(w).toLowerCase()) : [];
}

function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
