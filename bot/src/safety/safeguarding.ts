// Safety cues that must reach a person at once, whatever the conversation is doing: risk to life
// comes before any complaint process. Pure and conservative: a false alarm costs a staff member a
// look; a miss could cost a life.
export type SafetyCue = 'self_harm' | 'violence' | 'gas' | 'no_heating_vulnerable';

const PATTERNS: Array<[SafetyCue, RegExp]> = [
  ['self_harm', /\b(kill(ing)? my ?self|suicid\w*|end (it all|my life)|self[- ]?harm\w*|hurt(ing)? my ?self|want to die|don'?t want to (live|be here))\b/],
  ['violence', /\b(threaten\w* (to )?(kill|hurt|stab)|(hit|hits|hitting|beat|beats|beating|attacked|assaulted) me|domestic (abuse|violence)|(got|has) a (knife|gun|weapon)|being (hit|attacked|abused)|scared for my (life|safety))\b/],
  ['gas', /\b(smell(s|ing)? (of )?gas|gas (smell|leak\w*)|leak(ing)? gas|carbon monoxide|co alarm)\b/],
];

const NO_HEATING = /\b(no (heating|heat|hot water)|heating (is )?(not working|broken|off|gone|has gone|doesn'?t work)|boiler (is )?(broken|not working|gone|off|doesn'?t work))\b/;
const VULNERABLE = /\b(baby|babies|newborn|infant|toddler|pregnant|elderly|disabled|oxygen|chemo\w*|dialysis|frail|(my|our) (mum|mom|dad|nan|gran|grandad|grandmother|grandfather) is \d{2}|\d{2} years old|(aged|age) (7|8|9)\d|vulnerable)\b/;

export function detectSafetyCue(text: string): SafetyCue | null {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  for (const [cue, pattern] of PATTERNS) if (pattern.test(lower)) return cue;
  if (NO_HEATING.test(lower) && VULNERABLE.test(lower)) return 'no_heating_vulnerable';
  return null;
}
