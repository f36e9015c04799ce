// Residents write the way they text. The cue detectors and the word model only need to know
// one spelling of each word, so the variation (shorthand, typos, elongation, emoji, capitals)
// is folded away here, once, before anything else looks at the message. Shouting is a cue in
// its own right, so it is measured before the text is lower-cased.

export interface Normalised {
  /** Lower-cased, shorthand expanded, emoji as `:name:` tokens, single-spaced. */
  text: string;
  /** Most of the letters were capitals (a message typed in ALL CAPS). */
  shouting: boolean;
  /** Capitalised words used for emphasis ("nobody came AGAIN"), acronyms excepted. */
  capsWords: number;
  exclamations: number;
  questions: number;
}

// Order matters only where one sequence contains another (the ZWJ/variation forms first).
const EMOJI: ReadonlyArray<readonly [string, string]> = [
  ['😡', ':angry:'], ['😠', ':angry:'], ['🤬', ':angry:'], ['😤', ':angry:'], ['👿', ':angry:'],
  ['🙄', ':eyeroll:'], ['🤦‍♀️', ':facepalm:'], ['🤦‍♂️', ':facepalm:'], ['🤦', ':facepalm:'],
  ['😢', ':sad:'], ['😭', ':sad:'], ['😞', ':sad:'], ['😔', ':sad:'], ['☹️', ':sad:'], ['☹', ':sad:'], ['🙁', ':sad:'],
  ['😩', ':sad:'], ['😫', ':sad:'], ['🥶', ':cold:'], ['❄️', ':cold:'], ['🤢', ':sick:'], ['🤮', ':sick:'],
  ['👎', ':thumbsdown:'], ['💩', ':poo:'],
  ['👍🏻', ':thumbsup:'], ['👍🏼', ':thumbsup:'], ['👍🏽', ':thumbsup:'], ['👍🏾', ':thumbsup:'], ['👍🏿', ':thumbsup:'], ['👍', ':thumbsup:'],
  ['😊', ':smile:'], ['🙂', ':smile:'], ['😀', ':smile:'], ['😃', ':smile:'], ['😁', ':smile:'], ['😄', ':smile:'], ['☺️', ':smile:'],
  ['❤️', ':heart:'], ['❤', ':heart:'], ['💕', ':heart:'], ['🥰', ':heart:'], ['😍', ':heart:'],
  ['🙏🏻', ':pray:'], ['🙏🏽', ':pray:'], ['🙏🏾', ':pray:'], ['🙏', ':pray:'], ['👏', ':clap:'], ['⭐', ':star:'], ['🌟', ':star:'],
  ['😂', ':laugh:'], ['🤣', ':laugh:'], ['😅', ':laugh:'],
];
const EMOJI_MAP = new Map(EMOJI);
const EMOJI_RE = new RegExp(
  EMOJI.map(([e]) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'gu',
);

// Text emoticons, matched before lower-casing because ":D" and ":P" carry their case.
const EMOTICON_RE = /(?<![\w:])(?::-?\)+|:-?D\b|;-?\)|:-?\(+|:'\(|>:\(|:-?\/(?!\/)|:-?[pP]\b)/g;
const EMOTICON_MAP: Record<string, string> = { ')': ':smile:', D: ':smile:', '(': ':sad:', '/': ':eyeroll:', p: ':laugh:', P: ':laugh:' };

// Acronyms are written in capitals by everyone; they are not shouting.
const ACRONYMS = new Set([
  'ASB', 'NHS', 'MP', 'ID', 'OK', 'TV', 'GP', 'UK', 'DWP', 'UC', 'PIP', 'CCTV', 'ASAP', 'HMO', 'DFG', 'RSL',
  'BBC', 'LED', 'STOP', 'YES', 'HELLO', 'HIYA', 'UNSUBSCRIBE', 'WC', 'DIY', 'PS', 'CEO', 'HR', 'SMS', 'ESA', 'JSA', 'PM', 'AM', 'NO', 'CO', 'II', 'OT', 'DD',
]);

// Shorthand, contractions written without apostrophes, and the typos residents actually make.
const WORDS: Record<string, string> = {
  u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', youre: "you're", r: 'are', n: 'and', nd: 'and',
  pls: 'please', plz: 'please', plse: 'please', pleez: 'please', pleease: 'please', pleasee: 'please', plez: 'please',
  thx: 'thanks', thnx: 'thanks', thanx: 'thanks', thankz: 'thanks', ty: 'thanks', tnx: 'thanks', ta: 'thanks',
  thankyou: 'thank you', thanku: 'thank you', tq: 'thank you',
  '2day': 'today', '2moro': 'tomorrow', '2morrow': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tomoz: 'tomorrow', '2nite': 'tonight', tonite: 'tonight',
  wk: 'week', wks: 'weeks', wkend: 'weekend', mnth: 'month', mnths: 'months', mth: 'month', mths: 'months', yrs: 'years', hr: 'hour', hrs: 'hours', min: 'minute', mins: 'minutes',
  no1: 'no one', noone: 'no one', nobdy: 'nobody', any1: 'anyone', some1: 'someone', sum1: 'someone', every1: 'everyone',
  b4: 'before', gr8: 'great', l8: 'late', l8r: 'later', m8: 'mate', '1st': 'first', '2nd': 'second', '3rd': 'third',
  '4th': 'fourth', '5th': 'fifth', '6th': 'sixth', '7th': 'seventh', '8th': 'eighth', '9th': 'ninth', '10th': 'tenth',
  cos: 'because', coz: 'because', cuz: 'because', bc: 'because', becuase: 'because', becasue: 'because', bcos: 'because',
  dont: "don't", cant: "can't", wont: "won't", didnt: "didn't", doesnt: "doesn't", isnt: "isn't", wasnt: "wasn't", werent: "weren't",
  arent: "aren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", shouldnt: "shouldn't", couldnt: "couldn't", wouldnt: "wouldn't",
  aint: "ain't", im: "i'm", ive: "i've", thats: "that's", whats: "what's", theres: "there's", theyre: "they're",
  theyve: "they've", weve: "we've", hes: "he's", shes: "she's", lets: "let's", wheres: "where's", whos: "who's", its: "it's",
  ppl: 'people', msg: 'message', msgs: 'messages', txt: 'text', txts: 'texts', tel: 'phone', fone: 'phone',
  tho: 'though', thru: 'through', nite: 'night', rly: 'really', rlly: 'really', realy: 'really', v: 'very', vv: 'very',
  k: 'ok', kk: 'ok', okay: 'ok', okey: 'ok', okk: 'ok', oki: 'ok', hiya: 'hi', hii: 'hi', hey: 'hi', heya: 'hi', yess: 'yes', yeah: 'yes', yep: 'yes', yup: 'yes', ye: 'yes', yea: 'yes',
  soo: 'so', noo: 'no', againn: 'again', stilll: 'still', helpp: 'help', plss: 'please', nope: 'no', nah: 'no',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', dunno: "don't know", innit: "isn't it", lemme: 'let me',
  recieve: 'receive', recieved: 'received', apointment: 'appointment', appointmnet: 'appointment', appt: 'appointment', appts: 'appointments', apt: 'appointment',
  definately: 'definitely', defo: 'definitely', untill: 'until', repiar: 'repair', repare: 'repair', mold: 'mould', moldy: 'mouldy',
  boilor: 'boiler', boilder: 'boiler', heatin: 'heating', waitin: 'waiting', wating: 'waiting', wiating: 'waiting', nothin: 'nothing', nuthin: 'nothing', nowt: 'nothing',
  somethin: 'something', summat: 'something', disgracefull: 'disgraceful', discusting: 'disgusting', disgustin: 'disgusting', apalling: 'appalling', appaling: 'appalling',
  usless: 'useless', uselss: 'useless', ridiculus: 'ridiculous', rediculous: 'ridiculous', ridiculos: 'ridiculous', unaceptable: 'unacceptable', unacceptible: 'unacceptable',
  compliant: 'complaint', complant: 'complaint', complaintt: 'complaint', complane: 'complain', ombudsmen: 'ombudsman', ombusman: 'ombudsman', ombudsmann: 'ombudsman', obudsman: 'ombudsman',
  councilor: 'councillor', counciller: 'councillor', solicter: 'solicitor', solisitor: 'solicitor', compensaton: 'compensation',
  shoking: 'shocking', shockin: 'shocking', diabolicle: 'diabolical', joak: 'joke', wekk: 'week', weeek: 'week', ceilling: 'ceiling', celing: 'ceiling',
  radiater: 'radiator', radiaters: 'radiators', rads: 'radiators', rad: 'radiator', kitchin: 'kitchen', windo: 'window', winder: 'window', leek: 'leak', leeking: 'leaking',
  contracter: 'contractor', contracters: 'contractors', engeneer: 'engineer', enginer: 'engineer', plumer: 'plumber', elecrician: 'electrician', electrican: 'electrician',
  neighbor: 'neighbour', neighbors: 'neighbours', nieghbour: 'neighbour', neibour: 'neighbour', nabour: 'neighbour', neighbr: 'neighbour',
  reportd: 'reported', promissed: 'promised', dissapointed: 'disappointed', disapointed: 'disappointed', dissappointed: 'disappointed',
  frustated: 'frustrated', furstrated: 'frustrated', annoyd: 'annoyed', agian: 'again', agen: 'again', agin: 'again', stil: 'still', sitll: 'still',
  brillant: 'brilliant', briliant: 'brilliant', brill: 'brilliant', fab: 'fabulous', fantastik: 'fantastic', excelent: 'excellent', proffesional: 'professional', profesional: 'professional',
  helpfull: 'helpful', gratefull: 'grateful', greatful: 'grateful', appreciatted: 'appreciated', wiv: 'with', wit: 'with', w: 'with', wiht: 'with', teh: 'the', hte: 'the', adn: 'and',
  wen: 'when', wat: 'what', wot: 'what', wht: 'what', hw: 'how', abt: 'about', bout: 'about', smth: 'something', sth: 'something', tmw: 'tomorrow', asap: 'as soon as possible',
  comin: 'coming', sumone: 'someone', sombody: 'somebody', somebdy: 'somebody', everytime: 'every time',
};
const WORD_MAP = new Map(Object.entries(WORDS));

const WORD_RE = /[a-z0-9']+/g;
const ELONGATED_RE = /([a-z])\1{2,}/g;
const HYPHEN_JOIN_RE = /(?<=[a-z])-(?=[a-z])/g;
const SPACE_RE = /\s+/g;
const PUNCT_RUN_RE = /([!?])[!?]+/g;
const ELLIPSIS_RE = /\.{2,}|…/g;
const CAPS_WORD_RE = /\b[A-Z]{3,}\b/g;
const LETTER_RE = /[A-Za-z]/g;
const UPPER_RE = /[A-Z]/g;

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function countChar(text: string, ch: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === ch) n++;
  return n;
}

function replaceEmoticon(m: string): string {
  const last = m[m.length - 1] ?? '';
  if (m.startsWith(';')) return ' :wink: ';
  if (m.startsWith('>')) return ' :angry: ';
  if (m.startsWith(":'")) return ' :sad: ';
  return ` ${EMOTICON_MAP[last] ?? ':smile:'} `;
}

export function normalise(raw: string): Normalised {
  let s = raw
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(EMOTICON_RE, replaceEmoticon)
    .replace(EMOJI_RE, (e) => ` ${EMOJI_MAP.get(e) ?? ''} `);

  const letters = countMatches(s, LETTER_RE);
  const upper = countMatches(s, UPPER_RE);
  const shouting = letters >= 8 && upper / letters >= 0.7;
  let capsWords = 0;
  if (!shouting) {
    CAPS_WORD_RE.lastIndex = 0;
    for (let m = CAPS_WORD_RE.exec(s); m !== null; m = CAPS_WORD_RE.exec(s)) {
      if (!ACRONYMS.has(m[0])) capsWords++;
    }
  }
  const exclamations = countChar(s, 33);
  const questions = countChar(s, 63);

  s = s
    .toLowerCase()
    .replace(ELLIPSIS_RE, ' ... ')
    .replace(PUNCT_RUN_RE, '$1')
    .replace(ELONGATED_RE, '$1$1')
    .replace(HYPHEN_JOIN_RE, ' ')
    .replace(WORD_RE, (w) => WORD_MAP.get(w) ?? w)
    .replace(SPACE_RE, ' ')
    .trim();

  return { text: s, shouting, capsWords, exclamations, questions };
}
