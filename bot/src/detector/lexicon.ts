// A plain sentiment lexicon. It is one input to the model and never the decision: it scores
// "still waiting for the third time" as neutral and "my boiler is broken, please fix it" as
// negative, which is exactly backwards for complaint detection. The cues and the word model
// carry the decision; this only helps with evaluative words they have not seen.

const POSITIVE: Record<string, number> = {
  thank: 2, thanks: 2, grateful: 3, appreciate: 2, appreciated: 2, brilliant: 3, fantastic: 3, excellent: 3,
  great: 2, good: 1, lovely: 2, amazing: 3, wonderful: 3, superb: 3, helpful: 2, kind: 2, polite: 2, friendly: 2,
  professional: 2, efficient: 2, quick: 1, prompt: 2, happy: 2, pleased: 2, delighted: 3, perfect: 2, best: 2,
  nice: 1, smashing: 2, pleasure: 2, impressed: 2, outstanding: 3, patient: 1, reassuring: 2, tidy: 1, spotless: 2,
  star: 1, legend: 2, cheers: 1, glad: 2, sorted: 1, fixed: 1, resolved: 1, love: 2, fab: 2, fabulous: 3,
  ':smile:': 2, ':thumbsup:': 2, ':heart:': 3, ':pray:': 1, ':clap:': 2, ':star:': 2,
};

const NEGATIVE: Record<string, number> = {
  shocking: -3, diabolical: -3, shambles: -3, disgusting: -3, disgraceful: -3, disgrace: -3, appalling: -3,
  useless: -3, pathetic: -3, ridiculous: -2, unacceptable: -3, outrageous: -3, rubbish: -2, terrible: -3,
  awful: -3, horrendous: -3, horrible: -2, dreadful: -3, incompetent: -3, hopeless: -2, shoddy: -2,
  fuming: -3, livid: -3, furious: -3, angry: -2, annoyed: -2, frustrated: -2, frustrating: -2, upset: -2,
  disappointed: -2, disappointing: -2, gutted: -2, fed: -1, sick: -1, stressed: -2, depressed: -2, joke: -2,
  rude: -3, ignored: -2, ignoring: -2, waiting: -1, worst: -3, poor: -2, bad: -2, unhappy: -2, dissatisfied: -2,
  broken: -1, leaking: -1, mould: -1, damp: -1, cold: -1, freezing: -2, filthy: -2, dirty: -1, mess: -2,
  worse: -2, nightmare: -3, hell: -2, crap: -3, shit: -3, bloody: -2, lied: -3, lies: -2, excuses: -2,
  never: -1, nobody: -1, nothing: -1, again: -1, still: -1, ':angry:': -3, ':eyeroll:': -2, ':facepalm:': -2,
  ':sad:': -2, ':thumbsdown:': -2, ':poo:': -2, ':cold:': -1, ':sick:': -1, scared: -2, worried: -1, unsafe: -2,
};

export const LEXICON: ReadonlyMap<string, number> = new Map([
  ...Object.entries(POSITIVE),
  ...Object.entries(NEGATIVE),
]);
