import { describe, expect, it } from 'vitest';
import { detectSafetyCue } from './safeguarding.ts';

describe('detectSafetyCue', () => {
  it.each([
    ['I can smell gas in the hallway', 'gas'],
    ['there is a gas leak', 'gas'],
    ['our CO alarm keeps going off', 'gas'],
    ['I want to kill myself', 'self_harm'],
    ["I don't want to live any more", 'self_harm'],
    ['I have been self-harming', 'self_harm'],
    ['my neighbour threatened to kill me', 'violence'],
    ['he hits me when he is drunk', 'violence'],
    ['I am suffering domestic abuse', 'violence'],
    ['no heating and my baby is freezing', 'no_heating_vulnerable'],
    ['the boiler is broken and my mum is 87 years old', 'no_heating_vulnerable'],
    ['heating not working, I am pregnant', 'no_heating_vulnerable'],
  ])('%s → %s', (text, cue) => {
    expect(detectSafetyCue(text)).toBe(cue);
  });

  it.each([
    'my boiler is broken',
    'no heating since Tuesday',
    'the gas bill is wrong',
    'I am killing time waiting for the plumber',
    'the baby gate on the stairs is loose',
    'I want to make a complaint',
  ])('no cue: %s', (text) => {
    expect(detectSafetyCue(text)).toBeNull();
  });
});
