// Parsing short SMS answers. The words come from the catalogue, so another language can add its own.
import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import { t, words } from '../messages/catalogue.ts';

export const TEXT_PROMPT = 'text';
export const YES_NO_PROMPT = 'yesNo';
export const NUMBER_PROMPT = 'number';

function clean(value: string): string {
  return value.trim().toLowerCase().replace(/[.!]+$/, '');
}

export function yesNo(context: TurnContext, value: string): boolean | null {
  const answer = clean(value);
  if (words(context, 'words.yes').includes(answer)) return true;
  if (words(context, 'words.no').includes(answer)) return false;
  return null;
}

export function isSkip(context: TurnContext, value: string): boolean {
  return words(context, 'words.skip').includes(clean(value));
}

/** Numbers from a reply such as "1 3" or "1,3"; null unless every one is in 0..max. */
export function numbers(value: string, max: number): number[] | null {
  const found = value.match(/\d+/g)?.map(Number) ?? [];
  if (found.length === 0 || found.some((n) => n > max)) return null;
  return [...new Set(found)];
}

export function textPrompt(): TextPrompt {
  return new TextPrompt(TEXT_PROMPT, async (prompt: PromptValidatorContext<string>) => {
    return (prompt.recognized.value ?? '').trim().length > 0;
  });
}

export function yesNoPrompt(): TextPrompt {
  return new TextPrompt(YES_NO_PROMPT, async (prompt: PromptValidatorContext<string>) => {
    return yesNo(prompt.context, prompt.recognized.value ?? '') !== null;
  });
}

/** Options carry `validations: { max }`: the highest number on the list. */
export function numberPrompt(): TextPrompt {
  return new TextPrompt(NUMBER_PROMPT, async (prompt: PromptValidatorContext<string>) => {
    const max = (prompt.options.validations as { max?: number } | undefined)?.max ?? 9;
    return numbers(prompt.recognized.value ?? '', max) !== null;
  });
}

export function ask(context: TurnContext, key: string, retryKey = 'retryText', values?: Record<string, string>) {
  return { prompt: t(context, key, values), retryPrompt: t(context, retryKey) };
}
