// Named cue detectors. Each one is a small pure function over the normalised message that
// returns a reason a member of staff can read ("persistence: "still waiting"") or null. They
// are features for the trained model, not rules: "still" in "is the office still open" is not
// dissatisfaction, and the model learns how much each cue counts and in what company.
// The regexes are compiled once at module load; none use the g flag, so exec() has no state.

import type { Normalised } from './normalise.ts';

export interface Cue {
  readonly id: string;
  readonly detect: (n: Normalised) => string | null;
}

function phrase(id: string, description: string, re: RegExp): Cue {
  return {
    id,
    detect(n) {
      const m = re.exec(n.text);
      return m === null ? null : `${description}: "${m[0].trim()}"`;
    },
  };
}

const NUM = String.raw`(?:\d+|a couple of|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|many|countless|numerous|loads of|so many|hundreds of|dozens of)`;
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|christmas|xmas|easter|the summer|the winter|last (?:week|month|year|winter|summer))`;
const NEG_AUX = String.raw`(?:not|isn't|wasn't|aren't|weren't|never|hardly|far from|no longer|not very|not at all)`;

export const CUES: readonly Cue[] = [
  // Persistence: the service has already been asked for and has not happened.
  phrase('still_waiting', 'persistence',
    /\bstill (?:waiting|not|no\b|nothing|hasn't|haven't|hadn't|isn't|aren't|wasn't|can't|don't|doesn't|didn't|broken|leaking|dripping|damp|cold|without|there|got|have|has|had|going on|happening|the same|no sign|off|out|blocked|waitin|unresolved|outstanding|awaiting|not fixed)/),
  phrase('repeat', 'it keeps happening',
    /\b(?:again|yet again|once again|every (?:single )?time|keeps? (?:happening|coming back|breaking|leaking)|same (?:problem|issue|thing|fault) (?:again|as before)|back to square one|for the umpteenth time|another (?:day|week|month|weekend|winter|year|visit|engineer|excuse)[,.]* another)\b/),
  phrase('repeat_count', 'repeated contact',
    new RegExp(String.raw`\b(?:(?:second|third|fourth|fifth|sixth|seventh|umpteenth|\d+(?:st|nd|rd|th)) time|${NUM} times|(?:twice|three times) now)\b`)),
  phrase('nobody_came', 'nobody came or called',
    /\b(?:no one|nobody|no body|noone)(?: has| have|'s| ever| even)* (?:came|come|turned up|showed|shown|called|rung|rang|phoned|got back|gotten back|responded|bothered|replied|been|contacted|arrived|attended|answered|fixed|looked)|\b(?:no one|nobody) (?:has|did|ever did|ever has)[.!?]|\bnever (?:came|come|turned up|showed|arrived|called|rang|phoned|got back|replied|responded|heard)/),
  phrase('long_wait', 'waiting a long time',
    new RegExp(String.raw`\b(?:(?<!(?:last|past|previous|the) )${NUM} (?:weeks?|months?|years?)|(?:weeks|months|years|ages) (?:now|later|on|and)|for (?:weeks|months|years|ages|over a (?:week|month|year)|more than a (?:week|month)|a (?:whole |full )?(?:month|year))|since ${MONTH}|over a (?:month|year)|(?:a|one) (?:month|year) (?:now|later|on|ago))\b`)),
  phrase('fobbed_off', 'keeps being told / broken promise',
    /\b(?:keep (?:being told|getting told|getting fobbed|saying|promising|telling)|kept (?:being told|saying|telling)|fobbed off|fobbing|been promised|promised (?:me|us|it|to|that|they|someone|a)|(?:was|were|is|are) (?:supposed|meant) to (?:come|be|call|ring|fix|have)|told (?:me|us)? ?(?:(?:last|this) (?:week|month)|yesterday|on \w+day|before|twice|again)? ?(?:it|they|someone|somebody|an engineer) (?:would|will|was going)|said (?:they|he|she|someone) would|(?:just )?excuses|lied to|lying|broken promises?|nothing happens?|nothing ever happens)\b/),
  phrase('no_response', 'no response',
    /\b(?:(?:no|never had a|haven't had an?|not had an?|didn't get an?|never got an?|without an?|still no|zero) (?:reply|replies|response|responses|call back|callback|answer|update|updates|acknowledgement|contact|feedback|email back)|not (?:heard|had) (?:back|anything|a thing|a word)|heard nothing|ignored|ignoring|ignore (?:me|us|my)|no one (?:ever )?(?:answers|replies|responds|picks up)|(?:is |why is |why has )?(?:anybody|anyone|nobody|no one) (?:going to )?(?:answer|answering|reply|replying|respond|responding|getting back)|anyone there|never (?:answer|reply|respond|ring back|call back|get back)|left on hold|on hold for|nobody gets back|no one gets back)\b/),
  phrase('chasing', 'chasing',
    /\b(?:chas(?:e|ing|ed)|follow(?:ing)? up on|rang (?:you |up )?(?:again|twice|every)|called (?:you )?(?:again|twice|every)|emailed (?:again|twice)|keep (?:ringing|calling|phoning|emailing|chasing)|kept (?:ringing|calling|phoning|chasing))\b/),
  phrase('reported_before', 'already reported',
    /\b(?:(?:already|previously|first|originally) (?:reported|told you|rang|called|emailed|phoned|logged|raised)|(?:i've|i have|we've|we have|i had|we had|i|we) (?:already |previously |first )?(?:reported|logged|raised) (?:it|this|the|that|my)[^.!?]{0,40}?(?:ago|before|times|already|last|weeks|months|in (?:jan|feb|march|april|may|june|july|aug|sep|oct|nov|dec))|reported (?:it|this|that) (?:\w+ )?(?:times|before|ages ago|weeks ago|months ago)|(?:been|was) reported (?:before|loads|many|several|\w+ times|weeks|months))/),
  phrase('appointment_failure', 'appointment let down',
    /\b(?:(?:cancel+ed|missed|rearranged|rescheduled|moved) (?:my |the |our |another |again |it )*(?:appointment|visit|repair|job)|(?:appointment|visit|job|repair)s? (?:was |were |got |has been |have been |keeps? getting |keep being )*(?:cancel+ed|missed|rearranged|rescheduled)|waited (?:in )?all day|stayed (?:in|home) all day|took (?:a|the) day off|(?:took|taken) time off work|wasted (?:a|my|another) day)/),

  phrase('why_challenge', 'asks why',
    /\bwhy (?:is|has|have|hasn't|haven't|isn't|won't|can't|does|doesn't|did|didn't|was|wasn't|were|am|are|should|does it|do i have to|do we have to|must) (?:nobody|no one|noone|it|this|my|the|nothing|anyone|i|we|you|they|there)\b/),

  // The resident's own evaluation of the service, in the words British residents use.
  phrase('strong_negative', 'strong negative word',
    /\b(?:shocking|diabolical|shambles|shambolic|disgusting|disgraceful|disgrace|appalling|pathetic|ridiculous|unacceptable|outrageous|rubbish|terrible|awful|horrendous|horrible|dreadful|atrocious|laughable|incompetent|incompetence|useless|hopeless|shoddy|cowboys?|worst|scandalous|scandal|negligent|negligence|neglect(?:ed)?|inhumane|a farce|farcical|abysmal|poor (?:service|job|work|workmanship|communication|standard|quality)|substandard|sub standard|not fit for purpose|crap|shit|shite|bloody|rip off|ripped off|daylight robbery|excuse of a|sloppy|lazy)\b/),
  phrase('frustration', 'frustration',
    /\b(?:fuming|fed up|sick of|sick and tired|had enough|livid|furious|(?<!:)angry(?!:)|annoyed|annoying|frustrated|frustrating|frustration|upset|disappointed|disappointing|let down|gutted|exhausted|wits end|can't cope|stressed|losing (?:my )?patience|last straw|enough is enough|what is the point|what's the point|no point|at the end of my tether|end of my tether|beyond frustrated|tearing my hair out|pulling my hair out|depressed|demoralised|distressed|distressing|in tears|crying|embarrassed|embarrassing|disgusted|not impressed|unimpressed|cheesed off|hacked off|pissed off|peed off|fed up to the back teeth)\b/),
  phrase('its_a_joke', '"it\'s a joke"',
    /\b(?:(?:it's|this is|that's|its|what) (?:a |an |an absolute |a complete |a total |such a |beyond a )?joke|beyond a joke|joke of a|having a laugh|taking the (?:piss|mick|mickey|michael)|you're (?:joking|kidding|having a laugh)|laughing stock|are you serious|seriously\?|unbelievable|beggars belief|can't believe)\b/),
  phrase('sort_it_out', 'demand to sort it out',
    /\b(?:sort (?:it|this|things|yourselves|your selves) out(?! for me)|get (?:your act|yourselves) together|get a grip|do your (?:job|jobs)|do something about (?:it|this)(?! for me)|pull your finger out|about time|sort it out now|deal with it properly|do your duty|take (?:some |any )?responsibility|start doing your job)\b/),
  phrase('negated_positive', 'not happy / not acceptable',
    new RegExp(String.raw`\b(?:${NEG_AUX} (?:happy|good enough|acceptable|good|ok|right|fair|satisfied|impressed|pleased|great|on|the service|up to standard|up to scratch|professional|helpful|done properly|fixed properly|sorted properly|resolved|fit to live)|unhappy|dissatisfied|dissatisfaction|not satisfied|no good|not good enough|not acceptable|no way to (?:live|treat)|not how (?:you|it|i) should)\b`)),
  phrase('landlord_blame', 'blames the landlord',
    /\b(?:you lot|your lot|you people|you guys (?:never|don't|have done|haven't)|you never|you always|you've done nothing|you have done nothing|you do nothing|you don't care|you couldn't care|nothing (?:has been|has|is being|was|ever gets?|gets) (?:done|sorted|fixed)|nothing's been done|(?:done|did) nothing|no one cares|nobody cares|don't (?:even )?care|couldn't care less|not listening|nobody listens|no one listens|not interested|pillar to post|round in circles|passed (?:around|round|from)|passing the buck|nobody takes responsibility|blame (?:each other|the contractor|us)|your (?:contractor|engineer|staff|operative|repairs team|call centre|office)s? (?:never|didn't|did not|don't|won't|can't|were|was|are|is) (?:\w+ )?(?:rude|useless|late|turn|come|bother|fix|listen)|let (?:me|us|my \w+) down|failed (?:me|us|to)|failing|failure to|fail to|let it get (?:this )?bad|left (?:me|us|my \w+) (?:without|with no|in)|treat(?:ed|ing)? (?:me|us) like|how you treat|overcharged|charged (?:me |us )?twice|double charged|wrongly charged|(?:even though|when) (?:we|i) pay|why (?:are|am|should) (?:we|i) (?:be )?pay(?:ing)?|still (?:charge|charging)|paying for (?:nothing|a service)|badly treated|treated (?:so )?badly|brick wall|(?:for once|actually (?:listen|turn up|turns up|do|does|fix|read|come|bother|answer|care|get))|how (?:are|is) (?:this|that) (?:acceptable|allowed|legal|ok))\b/),
  phrase('poor_workmanship', 'repair not done properly',
    /\b(?:not (?:been )?(?:fixed|done|sorted|repaired|finished|completed) (?:properly|right|correctly)|didn't (?:fix|sort|finish|repair|do) (?:it|the|anything|a thing|the job)|(?:only )?patched (?:it )?up|temporary (?:fix|repair)|botched|bodged|bodge job|made (?:it|things) worse|worse than (?:before|it was)|still not right|half (?:done|finished)|unfinished|(?:never|not) (?:finished|completed)|came back (?:the same|straight away|within)|broke (?:again|down again)|failed again|didn't last|done on the cheap|painted over (?:the )?(?:mould|damp)|just painted over|(?:complete|completed|fixed|done|sorted)[.!,]* (?:it|it's|its|which it|but it) (?:isn't|is not|wasn't|hasn't|has not|not)|covered (?:it )?up)\b/),

  // Explicit escalation: the resident names the complaint, the Ombudsman or an outside route.
  phrase('complaint_word', 'says complaint',
    /\b(?:complaint|complaints|complain|complaining|complained|ombudsman|escalate|escalating|escalated|stage (?:1|2|one|two)|formal(?:ly)? (?:complaint|grievance)|grievance)\b/),
  phrase('external_escalation', 'outside escalation',
    /\b(?:my mp|the mp|an mp|local mp|mp's office|member of parliament|councillor|solicitor|solicitors|lawyer|legal action|legal advice|take (?:you|this|it) to court|court|compensation|environmental health|the press|newspaper|local paper|the papers|social media|facebook|twitter|tiktok|disrepair claim|housing disrepair|citizens advice|shelter|trading standards|regulator|the council (?:about you|will hear))\b/),

  // Sarcasm: praise words used about a failure.
  phrase('sarcasm', 'sarcasm',
    /(?:\b(?:great|brilliant|fantastic|lovely|wonderful|perfect|superb|marvellous|fab|fabulous|super|amazing|excellent|nice|cheers|thanks|thank you|well done|good job)\b[,.!:;\s]*(?:\.\.\. ?)?(?:just )?(?:another|yet another|still|no\b|nothing|not\b|without|for nothing|for (?:the|another) (?:third|fourth|fifth|\d+\w*) time|more waiting|more excuses|one more)|\b(?:thanks|cheers|thank you) for (?:nothing|absolutely nothing|sod all|bugger all|f all|wasting|ignoring|leaving|(?:all )?your (?:help|efforts)(?: not)?\s*(?:\.\.\.|not))|\.\.\. ?not\b|\bnot!|(?:great|brilliant|excellent|fantastic|amazing|wonderful|good) (?:service|job|work)[^.]{0,20}\.\.\.|keep up the good work|(?:well done|thanks|cheers|brilliant|great)[,!. ]+(?:you've|you have) (?:managed|made|ruined|broken|left)|surprise surprise|as (?:per )?usual|same old|typical\b|oh (?:great|brilliant|joy|lovely|wonderful|good)|what a (?:joke|service|surprise|shambles|waste)|(?:really|so) (?:helpful|useful)(?: not| \.\.\.)|10\/10 for|top marks for|gold star for|well done (?:you|guys|on)? ?\.\.\.|love (?:waiting|being ignored|that|how))/),

  // Service requests: asking for something to be done, and the fault being reported.
  phrase('request', 'asks for something to be done',
    /\b(?:(?:can|could|would|will) (?:you|someone|somebody|anyone|an engineer|a plumber|they|i (?:get|have|book|arrange|request|report|be))|please (?:fix|send|come|book|arrange|repair|sort|look|check|call|ring|contact|get|help|can|could|advise|let me|confirm|replace|remove|clear|unblock|inspect)|(?:i|we) (?:need|needs|would like|'d like|want) (?:someone|somebody|a |an |to book|to report|help|my |the |it |them |permission)|can't make (?:the|my|our|it)|can (?:we|i) (?:rearrange|change|move|reschedule|cancel|do|make it)|(?:change|rearrange|move|cancel|reschedule) (?:my|the|our) (?:appointment|visit|repair|inspection|gas)|when (?:can|will|could|is) (?:someone|you|the|an|a|they)|book (?:a|an|in|me)|arrange (?:a|an|for)|needs? (?:fixing|repairing|looking at|replacing|sorting|changing|clearing|checking|doing|removing|a new)|(?:i'd|i would|we'd) like to (?:book|report|arrange|request)|(?:i'm|i am|just) (?:reporting|writing to report|letting you know)|(?:want|like) to report|report(?:ing)? (?:a|an) (?:repair|leak|problem|issue|fault)|request (?:a|an)|is it possible|any chance|let me know when|send (?:someone|somebody|an engineer|a plumber|an electrician))\b/),
  phrase('fault', 'reports a fault',
    /\b(?:broken|broke|leak|leaks|leaking|not working|isn't working|stopped working|doesn't work|won't (?:turn|work|flush|close|lock|open|light|start|drain)|blocked|cracked|damp|mould|mouldy|no (?:heating|hot water|water|power|electric|electricity|gas)|dripping|flooding|flooded|loose|hanging off|fallen off|fell off|hole in|tripping|tripped|smashed|jammed|stuck|faulty|rotten|infestation|mice|rats|cockroaches|bed bugs|wasps|pigeons|overflowing|fly tipping|graffiti|fuse|out of order|not draining)\b/),

  // Compliments.
  phrase('thanks', 'thanks',
    /\b(?:thank you|thanks|thankyou|cheers|grateful|appreciate|appreciated|appreciation|much obliged)\b/),
  phrase('praise', 'praise',
    /(?<!\b(?:not|n't|never|hardly|far from|less than)(?: very| that| too| so| at all| really)? )\b(?:brilliant|fantastic|excellent|really helpful|very helpful|so helpful|extremely helpful|helpful|lovely|amazing|great job|great work|great service|well done|pleased with|happy with|delighted|credit to|polite|friendly|professional|spotless|efficient|first class|top notch|above and beyond|superb|outstanding|wonderful|kind|patient|pleasure|impressed|smashing|spot on|quick|quickly|prompt|promptly|tidy|tidied|respectful|reassuring|understanding|couldn't have asked|could not have asked|perfect|a star|star|legend|gem|couldn't be happier|made my day|good as new|fabulous|fab|top job|nice job|cracking|sorted it|hero|thoughtful)\b/),

  phrase('praise_but', 'praise followed by "but"',
    /\b(?:thank|thanks|cheers|brilliant|great|good|lovely|helpful|polite|appreciate|appreciated|grateful|pleased|happy|nice|fantastic|excellent|friendly|kind)\b.*?(?:\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bexcept\b|\bonly thing\b|\bshame\b|\bunfortunately\b|\bsadly\b|\bpity\b|\bapart from\b)/),

  phrase('resolved', 'problem now resolved',
    /\b(?:(?:has|have|is|was|got|are|were) (?:been |now |all )?(?:fixed|sorted|resolved|working (?:fine|perfectly|great|well))|working (?:perfectly|fine|a treat|great|lovely)|all (?:sorted|done|fixed)|no (?:mould|damp|leaks?|problems?|mice) since|made a (?:huge |big |real |massive )?difference|so much (?:better|warmer|quieter)|good as new|like new)\b/),

  // Staff and contractor conduct.
  phrase('staff_conduct', 'staff conduct',
    /\b(?:rude|rudely|rudest|hung up|put the phone down|cut me off|shouted|shouting at|swore|swearing at|sworn at|dismissive|patronising|patronizing|condescending|unprofessional|arrogant|aggressive|laughed at|talked down|spoke to me like|attitude|couldn't care less|didn't listen|wouldn't listen|refused to (?:help|listen|give|come|fix|take)|no manners|disrespectful|intimidating|threatening|belittled|smoking in|on (?:his|their|her) phone|no id)\b/),
  phrase('no_show', 'no-show',
    /\b(?:didn't (?:turn up|show|come|arrive|attend)|did not (?:turn up|show|come|arrive|attend)|never (?:turned up|showed|arrived|attended)|no show|no shows|not turned up|failed to (?:turn up|attend|show|arrive)|didn't bother (?:turning up|coming|to come|to turn up)|stood (?:me|us) up|no one (?:turned|showed) up|nobody (?:turned|showed) up)\b/),
  phrase('mess_or_damage', 'left a mess or caused damage',
    /\b(?:left (?:a|the|my|his|their|all|it in a)? ?(?:mess|state|rubbish|dust|debris|tools|bits|muck|dirt|holes?|wires|hole)|mess everywhere|muddy (?:boots|footprints)|(?:didn't|did not|never) (?:clean|tidy|wipe|hoover)|damaged (?:my|the|our)|broke (?:my|our)|scratched (?:my|the)|ruined (?:my|our|the)|dust everywhere|who(?: is|'s) going to pay|pay for (?:the|my|our) (?:damage|things|carpet|furniture)|plaster everywhere|trod(?:den)? (?:mud|dirt))\b/),
  phrase('hardship', 'living without',
    /\b(?:without (?:any )?(?:heating|heat|hot water|water|a toilet|a working toilet|a kitchen|a bath|a shower|power|electricity|electric|gas|a cooker|windows?|a front door|a lock)|no heating or hot water|freezing|children (?:are )?(?:ill|sick|poorly)|kids (?:are )?(?:ill|sick|poorly|coughing)|making (?:us|me|my \w+) (?:ill|sick|poorly)|asthma|chest infection|can't sleep|boiling (?:the )?kettle|buckets? (?:under|catching|everywhere)|living like this|unliveable|uninhabitable|health (?:is|getting)|in the cold|in the dark)\b/),

  // Shape of the message.
  {
    id: 'shouting',
    detect: (n) => (n.shouting ? 'written in capitals' : n.capsWords > 0 ? 'capitals for emphasis' : null),
  },
  {
    id: 'exclamations',
    detect: (n) => (n.exclamations >= 2 ? `exclamation marks (${n.exclamations})` : null),
  },
  phrase('angry_emoji', 'unhappy emoji', /:(?:angry|eyeroll|facepalm|sad|thumbsdown|poo|cold|sick):/),
  phrase('happy_emoji', 'happy emoji', /:(?:smile|thumbsup|heart|pray|clap|star):/),
  phrase('greeting', 'greeting', /^(?:hi|hello|good (?:morning|afternoon|evening)|morning|afternoon|evening|hi there|dear \w+)\b/),
  phrase('info_question', 'asks for information',
    /\b(?:how (?:do|can|would|should|much|long|many) (?:i|we|you|is|does)?|what (?:is|are|time|day|date|number|happens|do i|should|does)|where (?:do|can|is|are|should)|when (?:is|does|do|are)|do you (?:know|have|take|accept|do|offer)|does (?:the|my|it)|is (?:the|there|my|it) (?:office|rent|any|a|open)|am i|can i (?:pay|get|have|ask|apply|check|change|swap|use|see|speak|talk|still|put)|balance|opening (?:hours|times)|who (?:do|is|should)|which (?:day|number|office)|what's my|is it true|i was wondering|just wondering|quick question)\b/),
  phrase('representative', 'written for someone else',
    /\b(?:on behalf of|behalf|my (?:mum|mother|mam|dad|father|nan|nana|gran|granny|grandad|grandma|grandmother|grandfather|son|daughter|brother|sister|aunt|auntie|uncle|client|tenant|constituent|husband|wife|partner|elderly|disabled|service user)|support worker|social worker|carer|advocate|case worker|caseworker|i am councillor|ward councillor|i support)\b/),
  phrase('neighbour', 'about a neighbour', /\b(?:neighbour|neighbours|next door|upstairs|downstairs|flat above|flat below|across the landing)\b/),
];

export const CUE_IDS: readonly string[] = CUES.map((c) => c.id);

/**
 * Cues that are themselves a sign of dissatisfaction. The complaint bias (model.ts) is only
 * applied when one of these fired: it should tip a doubtful message that shows some
 * unhappiness toward complaint, not turn "next week works for me" into one.
 */
const DISSATISFACTION = new Set([
  'still_waiting', 'repeat', 'repeat_count', 'nobody_came', 'long_wait', 'fobbed_off', 'no_response', 'chasing',
  'reported_before', 'appointment_failure', 'strong_negative', 'frustration', 'its_a_joke', 'sort_it_out',
  'negated_positive', 'landlord_blame', 'poor_workmanship', 'complaint_word', 'external_escalation', 'sarcasm',
  'praise_but', 'staff_conduct', 'no_show', 'mess_or_damage', 'hardship', 'shouting', 'angry_emoji',
]);
for (const id of DISSATISFACTION) if (!CUE_IDS.includes(id)) throw new Error(`unknown cue ${id}`);
export const DISSATISFACTION_MASK: readonly boolean[] = CUE_IDS.map((id) => DISSATISFACTION.has(id));

/** The cues that, on their own, mean the resident has asked to complain: always offered. */
export const EXPLICIT_COMPLAINT_RE =
  /\b(?:(?:make|log|raise|file|put in|submit|lodge|register|open|start|take out) (?:a |an |my |this |another )?(?:formal |official |proper |new |stage (?:1|2|one|two) )?complaint|i (?:want|would like|wish|need|'d like|am going|'m going) to (?:complain|make a complaint|escalate)|(?:going|go|report (?:you|this)|escalate (?:this|it)|take (?:this|it)) to the (?:housing )?ombudsman|this is a (?:formal )?complaint|treat this as a (?:formal )?complaint)\b/;
