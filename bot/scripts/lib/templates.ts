// Template families for the generated part of the corpus. Each family is one way residents
// say one kind of thing; its patterns and slots vary the topic (repairs, damp, ASB, rent,
// lettings, adaptations...) and the noise step varies the typing (shorthand, typos, capitals,
// emoji). All places, people and details are invented. Messages from one family+pattern are
// kept on the same side of the train/test split, so the test measures unseen phrasings.

import type { Label } from '../../src/detector/labels.ts';

export interface Noise {
  /** Probability of SMS shorthand (u, ur, pls, dropped apostrophes, lower case). */
  sms: number;
  /** Probability of ALL CAPS. */
  caps: number;
  /** Probability of one adjacent-letter typo. */
  typo: number;
  /** Emoji that may be appended, and how often. */
  emoji: readonly string[];
  emojiRate: number;
}

export interface Family {
  id: string;
  label: Label;
  patterns: readonly string[];
  slots: Record<string, readonly string[]>;
  perPattern: number;
  noise: Noise;
}

// Shared slots: referenced as {name} from any family.
export const SHARED: Record<string, readonly string[]> = {
  greet: ['', '', '', 'Hi, ', 'Hello, ', 'hi ', 'Morning, ', 'Good afternoon, ', 'Hiya '],
  fault: [
    'the leak under my kitchen sink', 'the damp in my bedroom', 'the mould in the bathroom', 'my boiler',
    'the heating', 'no hot water', 'the broken window in my front room', 'the back door that won\'t lock',
    'the toilet that keeps running', 'the hole in the ceiling', 'the extractor fan', 'the rotten window frame',
    'the leaking roof', 'the blocked drain outside', 'the fence that blew down', 'the mice in the kitchen',
    'the broken communal door', 'the lift', 'the lights in the stairwell', 'the loose banister',
    'the cracked bath', 'the shower', 'the electrics tripping', 'the guttering', 'the water coming through the ceiling',
  ],
  ago: [
    '3 weeks ago', 'a month ago', 'two months ago', 'back in March', 'before Christmas', 'in the summer',
    'six weeks ago', 'last year', 'in January', '5 weeks ago', 'over a month ago', 'three months ago',
  ],
  duration: [
    'for three weeks', 'for over a month', 'for two months', 'since October', 'for six weeks', 'since the summer',
    'since last winter', 'for 4 months', 'since before Christmas', 'for nearly a year', 'for weeks now',
  ],
  relative: ['mum', 'dad', 'nan', 'grandad', 'mother', 'father', 'son', 'daughter', 'brother', 'sister', 'aunt'],
  staff: [
    'engineer', 'plumber', 'electrician', 'operative', 'contractor', 'man from the repairs team', 'surveyor',
    'housing officer', 'lady on the phone', 'call centre person', 'gas engineer', 'roofer', 'decorator', 'carpenter',
  ],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const COMPLAINT_NOISE: Noise = { sms: 0.35, caps: 0.08, typo: 0.15, emoji: ['😡', '🙄', '😤', '🤬', '😢', '👎', '🤦‍♀️'], emojiRate: 0.15 };
const REQUEST_NOISE: Noise = { sms: 0.35, caps: 0.05, typo: 0.15, emoji: ['🙏', '😩', '😬', '🥶'], emojiRate: 0.08 };
const COMPLIMENT_NOISE: Noise = { sms: 0.3, caps: 0.03, typo: 0.1, emoji: ['😊', '👍', '🙏', '❤️', '👏', '⭐'], emojiRate: 0.3 };
const OTHER_NOISE: Noise = { sms: 0.35, caps: 0.03, typo: 0.1, emoji: ['🙂', '👍'], emojiRate: 0.05 };

export const FAMILIES: readonly Family[] = [
  // ---------------------------------------------------------------- complaints
  {
    id: 'reported_no_action', label: 'complaint', perPattern: 10, noise: COMPLAINT_NOISE,
    patterns: [
      '{greet}I reported {fault} {ago} and {nothing}{end}',
      '{greet}{fault} was reported {ago}. {nothing}{end}',
      '{greet}it\'s been {ago2} since I reported {fault} and {nothing}{end}',
    ],
    slots: {
      nothing: [
        'nobody has been out', 'still nothing has happened', 'no one has come', 'I\'ve heard nothing since',
        'it still isn\'t fixed', 'no one has even called me', 'nobody has got back to me', 'it\'s still the same',
        'still no date for the repair', 'you\'ve done nothing about it',
      ],
      ago2: ['three weeks', 'a month', 'two months', '6 weeks', 'nearly a year', 'five weeks', 'ages'],
      end: ['', '.', '. Not good enough.', '. This is ridiculous.', '!!', '. What is going on?', '. I\'m fed up.', '. Disgraceful.', '. Please sort it out.'],
    },
  },
  {
    id: 'still_waiting', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      '{greet}still waiting for someone to fix {fault}{end}',
      '{greet}I\'m still waiting for {thing}. {chase}{end}',
      '{greet}still no {thing2} {duration}{end}',
    ],
    slots: {
      thing: [
        'a call back about my repair', 'the plumber to come back', 'an answer about my transfer', 'the damp survey',
        'my rent refund', 'the part for my boiler', 'someone to look at the mould', 'the fence to be replaced',
        'a date for the new kitchen', 'an update on my ASB case', 'my adaptation to be fitted',
      ],
      thing2: ['heating', 'hot water', 'working toilet', 'response', 'reply to my emails', 'kitchen', 'front door', 'working lift', 'call back', 'light on the stairs'],
      chase: ['I\'ve rung three times.', 'This is the second time I\'ve chased.', 'No one ever rings back.', 'I was told it would be this week.', 'You keep saying it\'s on the list.', ''],
      end: ['', '.', '!', '. Not acceptable.', ' again.', '. Really fed up now.', '...', '. It\'s a joke.'],
    },
  },
  {
    id: 'appointment_let_down', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      '{greet}{who} {noshow} {when}{again}. {impact}',
      '{greet}my appointment {when} was {cancelled} {again2}{impact2}',
    ],
    slots: {
      who: ['the engineer', 'your contractor', 'the plumber', 'nobody', 'the electrician', 'the surveyor', 'the gas man', 'the damp specialist'],
      noshow: ['didn\'t turn up', 'never came', 'didn\'t show', 'didn\'t bother turning up', 'was a no-show'],
      when: ['today', 'yesterday', 'this morning', 'on {day}', 'this afternoon'],
      again: ['', ' again', ' AGAIN', ' for the second time', ' for the third time'],
      impact: [
        'I took the day off work for nothing.', 'I waited in all day.', 'Nobody rang to say.', 'I\'ve lost a day\'s pay.',
        'My mum waited in the cold all day.', 'No text, no call, nothing.', 'Who is going to pay for my lost wages?',
      ],
      cancelled: ['cancelled', 'cancelled without telling me', 'moved again', 'rescheduled with no notice', 'cancelled the night before'],
      again2: ['', 'again', 'for the third time', 'AGAIN'],
      impact2: ['.', '. This keeps happening.', '. How many more times?', '. I\'ve had enough.', ' and nobody can give me a new date.', '. Really not happy.'],
    },
  },
  {
    id: 'representative_complaint', label: 'complaint', perPattern: 8, noise: { ...COMPLAINT_NOISE, sms: 0.15, caps: 0 },
    patterns: [
      'I\'m writing on behalf of my {relative}. {pronoun} has been {hardship} {duration} and {failure}.',
      'I\'m a {rep} for one of your tenants. {pronoun} reported {fault} {ago} and {failure}.',
      'I\'m contacting you for my {relative} who is {vuln}. {fault_cap} still hasn\'t been sorted and {failure}.',
    ],
    slots: {
      pronoun: ['She', 'He'],
      hardship: ['without heating', 'without hot water', 'living with mould in the bedroom', 'without a working toilet', 'stuck upstairs because the lift is broken', 'with a leaking ceiling'],
      failure: [
        'nobody has called back', 'the appointments keep being cancelled', 'no one will give a date', 'it is affecting their health',
        'the calls are never returned', 'we keep being told someone will come', 'nothing has been done',
      ],
      rep: ['support worker', 'social worker', 'carer', 'advocate', 'family support worker'],
      vuln: ['disabled', 'in her 80s', 'registered blind', 'recovering from surgery', 'on oxygen', 'housebound'],
      fault_cap: ['The leak', 'The damp', 'The broken boiler', 'The mould', 'The heating', 'The front door', 'The shower'],
    },
  },
  {
    id: 'staff_conduct', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      'the {staff} {visit} was {conduct}{end}',
      '{greet}I want to tell you the {staff} {conduct2}{end}',
    ],
    slots: {
      visit: ['who came today', 'who came out on {day}', 'I spoke to', 'you sent', 'on the phone this morning'],
      conduct: [
        'really rude', 'so rude to my daughter', 'dismissive and unprofessional', 'rude and left a mess', 'patronising',
        'on his phone the whole time and didn\'t fix anything', 'aggressive when I asked questions', 'rude and hung up on me',
      ],
      conduct2: [
        'hung up on me', 'left a mess all over my kitchen', 'smoked in my flat', 'swore in front of my kids',
        'told me the mould was my fault and walked off', 'left my carpet covered in muddy footprints', 'broke my tiles and didn\'t say anything',
        'laughed when I said it was affecting my health', 'refused to take his boots off and was rude about it',
      ],
      end: ['.', '. Not acceptable.', '. I\'m really upset.', '. I want this looked into.', '!!', '. Disgusting way to treat people.'],
    },
  },
  {
    id: 'sarcasm', label: 'complaint', perPattern: 9, noise: { ...COMPLAINT_NOISE, emojiRate: 0.3 },
    patterns: [
      '{praise}, another {unit} without {utility}{end}',
      '{praise}. {fault_cap} {broken} again.',
      'thanks for {nothingish}{end}',
    ],
    slots: {
      praise: ['great', 'brilliant', 'fantastic', 'lovely', 'oh great', 'wonderful', 'perfect', 'Amazing'],
      unit: ['week', 'weekend', 'day', 'month', 'night'],
      utility: ['heating', 'hot water', 'a working toilet', 'a kitchen', 'a front door that locks', 'the lift', 'a shower'],
      fault_cap: ['The boiler\'s', 'The roof is', 'The lift is', 'The door\'s', 'The shower\'s', 'The tap is', 'The ceiling is'],
      broken: ['broken', 'leaking', 'out', 'packed in', 'off', 'dripping'],
      nothingish: [
        'nothing', 'absolutely nothing', 'another cancelled appointment', 'the text saying it\'s fixed when it isn\'t',
        'leaving me without heating', 'all your help... not', 'ignoring my emails', 'wasting another day of my life',
      ],
      end: ['', '.', '!', '...', '. Cheers.', '. Brilliant service.', ' 👏'],
    },
  },
  {
    id: 'praise_but', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      '{thanks} {done} but {undone}',
      '{nice} but {undone}',
    ],
    slots: {
      thanks: ['thanks for', 'thank you for', 'cheers for', 'I appreciate you', 'grateful for you'],
      done: ['fixing the door', 'sending someone', 'the call', 'sorting the leak', 'coming out', 'replacing the tap', 'the apology'],
      nice: ['the engineer was lovely', 'the lady on the phone was very polite', 'the new boiler is great', 'the plumber was friendly', 'good to finally hear from someone'],
      undone: [
        'the window is still broken after 2 months', 'the damp is back already', 'no one has done anything about the mould',
        'it\'s leaking again', 'I\'ve still got no hot water', 'he left without fixing it', 'I\'ve been waiting since {ago2} for the rest',
        'nobody has come back to finish the job', 'I still don\'t have a date', 'the same problem has come back',
      ],
      ago2: ['January', 'the summer', 'before Christmas', 'March'],
    },
  },
  {
    id: 'not_happy', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      '{greet}{neg} with {subject}{end}',
      '{greet}the {subject2} is {negEval}{end}',
    ],
    slots: {
      neg: ['not happy', 'really not happy', 'I\'m not happy', 'I\'m not satisfied', 'very unhappy', 'really disappointed', 'not impressed'],
      subject: [
        'the repair', 'how my complaint was handled', 'the service I\'ve had', 'the way the job was left', 'the damp treatment',
        'the new kitchen', 'my service charge bill', 'how the ASB has been dealt with', 'the response to my transfer request', 'the standard of cleaning in the block',
      ],
      subject2: ['repairs service', 'standard of work', 'communication', 'cleaning in our block', 'way you deal with damp', 'grounds maintenance', 'call centre'],
      negEval: ['not good enough', 'shocking', 'a shambles', 'appalling', 'not acceptable', 'useless', 'diabolical', 'a joke'],
      end: ['', '.', '. I want it put right.', '. Please look into it.', '!', '. It\'s been going on too long.'],
    },
  },
  {
    id: 'explicit_complaint', label: 'complaint', perPattern: 9, noise: { ...COMPLAINT_NOISE, caps: 0.03 },
    patterns: [
      '{greet}I want to {verb} about {topic}',
      '{greet}{escalateIntro} {escalation}',
    ],
    slots: {
      verb: ['make a complaint', 'complain', 'log a complaint', 'make a formal complaint', 'raise a complaint', 'put in a complaint'],
      topic: [
        'my repair', 'the damp in my flat', 'the way I was spoken to', 'the contractor', 'my service charge', 'how long my transfer is taking',
        'the ASB team', 'the state of the flat I moved into', 'the caretaking', 'the heating works',
      ],
      escalateIntro: ['If this isn\'t sorted this week', 'I\'ve had enough,', 'Unless someone calls me today', 'Nothing has changed so', 'This has gone on too long,'],
      escalation: [
        'I\'m going to the ombudsman', 'I\'m contacting my MP', 'I\'ll be speaking to a solicitor', 'I want to escalate my complaint to stage 2',
        'I\'ll contact my councillor', 'I\'m taking legal advice', 'I\'ll be claiming compensation', 'I\'m going to the local paper',
      ],
    },
  },
  {
    id: 'impact_delay', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      '{greet}{delay}. {impact}',
      '{impact} {delay2}{end}',
    ],
    slots: {
      delay: [
        'Six weeks with a hole in my ceiling', 'Three weeks without hot water', 'Two months of damp and nobody has come',
        'A month without a working shower', 'Four visits and the leak still isn\'t fixed', 'Since October with no heating',
        'Eight weeks waiting for a plumber', 'Five weeks with the front door boarded up',
      ],
      impact: [
        'My kids keep getting ill.', 'I have to boil the kettle to wash.', 'My son\'s asthma is getting worse.', 'I can\'t sleep.',
        'My mum is 86 and freezing.', 'We are living in one room.', 'I don\'t feel safe at night.', 'Our clothes are ruined.',
      ],
      delay2: [
        'and you keep telling me it\'s not urgent', 'and nobody seems to care', 'and still no one has been', 'and I\'m sick of chasing',
        'and you just keep sending inspectors', 'and I\'m being fobbed off again',
      ],
      end: ['', '.', '!!', '. Sort it out.', '. Unacceptable.'],
    },
  },
  {
    id: 'request_handling', label: 'complaint', perPattern: 9, noise: COMPLAINT_NOISE,
    patterns: [
      '{greet}you {closed} my repair {but}{end}',
      '{greet}{asked} {times} {outcome}{end}',
    ],
    slots: {
      closed: ['closed', 'marked as complete', 'signed off', 'cancelled'],
      but: ['but nobody came', 'but it\'s still leaking', 'without telling me', 'and it\'s not done', 'but the fault is still there', 'and now I have to start again'],
      asked: ['I\'ve asked for a call back', 'I\'ve reported it', 'I\'ve rung about my rent account', 'I\'ve emailed the lettings team', 'I\'ve asked about the service charge', 'I\'ve asked for the mould to be treated'],
      times: ['three times', 'twice now', 'four times', 'so many times', 'five times', 'every week'],
      outcome: ['and got nowhere', 'and nobody has replied', 'and keep being told someone will ring', 'and nothing happens', 'and it\'s still wrong', 'and I get a different answer each time'],
      end: ['', '.', '. Why?', '. Fed up.', '!', '. This is not on.'],
    },
  },

  // ---------------------------------------------------------------- service requests
  {
    id: 'report_fault', label: 'service_request', perPattern: 12, noise: REQUEST_NOISE,
    patterns: [
      '{greet}{newFault}. {ask}{polite}',
      '{greet}{ask2} {newFault2}{polite}',
      '{greet}I\'d like to report a repair: {newFault}.',
    ],
    slots: {
      newFault: [
        'my kitchen tap is dripping', 'the boiler has stopped working', 'there\'s no hot water this morning', 'the toilet won\'t flush',
        'the bedroom window won\'t close', 'there\'s a damp patch on the bathroom ceiling', 'the front door lock is stiff',
        'the shower is only running cold', 'a radiator is leaking', 'the extractor fan has stopped working', 'the sink is blocked',
        'the light in the hall has stopped working', 'a fence panel has blown down', 'there\'s a crack in the bathroom window',
        'the bath panel has come off', 'the kitchen drawer is broken', 'the gutter is overflowing', 'the back gate won\'t shut',
        'I\'ve noticed mould behind the sofa', 'the smoke alarm is beeping',
      ],
      newFault2: [
        'to look at my boiler', 'to fix the dripping tap', 'to unblock the sink', 'to check the damp in the bedroom', 'to fix the bedroom window',
        'to replace the broken fence panel', 'to look at the light in my hallway', 'to fix the toilet', 'to check the smoke alarm', 'to fix the kitchen cupboard',
      ],
      ask: ['Can someone come out?', 'Could you send someone?', 'Can I book a repair?', 'When can someone come?', 'Please can it be fixed.', 'Can an engineer come?', 'Please send someone.'],
      ask2: ['can you send someone', 'please can someone come', 'could I book an engineer', 'I need someone', 'when can someone come'],
      polite: ['', '', ' please', ' thanks', ', thank you', ' pls', '. I\'m in most days.', ', I\'m in after 2'],
    },
  },
  {
    id: 'urgent_request', label: 'service_request', perPattern: 10, noise: { ...REQUEST_NOISE, caps: 0.3, emojiRate: 0.15 },
    patterns: [
      '{urgent}!! {ask}',
      '{urgent}, {ask}{end}',
    ],
    slots: {
      urgent: [
        'water pouring through my ceiling', 'no heating and it\'s freezing', 'my toilet is overflowing', 'I\'m locked out',
        'the front door won\'t lock', 'there\'s water everywhere in the kitchen', 'the lights have all gone off', 'the boiler is leaking',
        'burning smell from the fuse box', 'the window has smashed', 'the bath is leaking into the flat below',
      ],
      ask: ['need someone today', 'please send someone now', 'can someone come asap', 'help please', 'who can come out tonight', 'please help', 'need an emergency plumber'],
      end: ['', '!', '!!', ' please', ', thanks'],
    },
  },
  {
    id: 'asb_report', label: 'service_request', perPattern: 10, noise: REQUEST_NOISE,
    patterns: [
      '{greet}{asb}. {askAsb}',
      '{greet}I want to report {asb2}. {askAsb}',
    ],
    slots: {
      asb: [
        'my neighbour is playing loud music late at night', 'the flat upstairs has been banging around at 2am',
        'there are people smoking weed in the stairwell', 'someone has been dumping rubbish by my door',
        'next door\'s dog is barking all day', 'kids have been kicking a ball against my window',
        'my neighbour keeps parking across my drive', 'there was a fight outside the block last night',
        'the people next door are shouting at all hours', 'someone keeps wedging the main door open',
      ],
      asb2: [
        'noise from the flat above', 'anti-social behaviour in the car park', 'a neighbour dispute about the shared garden',
        'drug dealing near the bin store', 'my neighbour\'s bonfire smoke', 'people sleeping in the stairwell', 'dog mess on the landing',
      ],
      askAsb: [
        'Can someone look into it?', 'Who do I speak to?', 'What can you do?', 'Can you have a word with them?',
        'Could the ASB officer contact me?', 'Please can someone call me about it.', 'Can I get a diary sheet?', 'What should I do?',
      ],
    },
  },
  {
    id: 'admin_request', label: 'service_request', perPattern: 10, noise: REQUEST_NOISE,
    patterns: [
      '{greet}{please} {admin}{polite}',
      '{greet}I need {admin2}{polite}',
    ],
    slots: {
      please: ['please can you', 'could you', 'can you', 'would you be able to', 'can I ask you to'],
      admin: [
        'send me a rent statement', 'update my phone number', 'change the email on my account', 'send me a copy of my tenancy agreement',
        'set up a direct debit for my rent', 'call me back about my service charge', 'book me in for a gas safety check',
        'move my repair appointment to {day}', 'send me a new entry fob', 'arrange a payment plan for my arrears',
        'put me in touch with the money advice team', 'send the letter confirming my tenancy',
      ],
      admin2: [
        'a rent statement for my benefits claim', 'to change my appointment to {day}', 'a new key for the bin store',
        'a call back from my housing officer', 'to add my partner to the tenancy', 'permission to get a cat',
        'a form to apply for a transfer', 'to report a change of circumstances', 'help filling in the housing benefit form',
        'someone to assess my mum for a stairlift', 'a grab rail fitting in the bathroom',
      ],
      polite: ['', ' please', ', thanks', ' thank you', ' pls', '. Thanks in advance.'],
    },
  },
  {
    id: 'representative_request', label: 'service_request', perPattern: 10, noise: { ...REQUEST_NOISE, sms: 0.1, caps: 0 },
    patterns: [
      'I\'m writing on behalf of my {relative}, {needs}. {askRep}',
      'I\'m a {rep} for one of your tenants. {Needs2}. {askRep}',
    ],
    slots: {
      needs: [
        'she needs a grab rail by the front door', 'he needs his bath changed to a level access shower', 'the boiler stopped working this morning',
        'she would like a key safe fitted for her carers', 'his kitchen tap is leaking', 'she has asked for a smoke alarm for the hard of hearing',
        'he would like to move to a ground floor flat',
      ],
      rep: ['support worker', 'social worker', 'carer', 'advocate'],
      Needs2: [
        'She needs an OT assessment for a stair lift', 'He has asked for help setting up a rent payment plan', 'Her toilet is blocked',
        'He needs a new front door key', 'She would like to apply for a transfer', 'Their bedroom window will not open',
      ],
      askRep: ['Can this be arranged?', 'How do we go about it?', 'Please can someone contact me.', 'Could an engineer come this week?', 'What is the next step?', 'Please let me know what you need from us.'],
    },
  },
  {
    id: 'reschedule', label: 'service_request', perPattern: 10, noise: REQUEST_NOISE,
    patterns: [
      '{greet}can I {move} my {appt} on {day}? {reason}',
      '{greet}I can\'t make the {appt} on {day}, {reason2}. Can we {move2}?',
    ],
    slots: {
      move: ['change', 'rearrange', 'move', 'cancel', 'reschedule'],
      appt: ['appointment', 'repair appointment', 'gas check', 'inspection', 'visit', 'damp survey'],
      reason: ['I\'m at work.', 'I have a hospital appointment.', 'My son is off school sick.', 'I\'ll be away.', '', 'Something has come up.'],
      reason2: ['I\'m working', 'I\'ve got a hospital appointment', 'I\'m away that week', 'I have to pick the kids up'],
      move2: ['do the week after', 'make it a morning', 'rearrange it', 'move it to the afternoon', 'change it to {day}'],
    },
  },

  // ---------------------------------------------------------------- compliments
  {
    id: 'thanks_staff', label: 'compliment', perPattern: 12, noise: COMPLIMENT_NOISE,
    patterns: [
      '{thanks} {to} {for}{end}',
      'the {staff} {today} was {praise}{end}',
    ],
    slots: {
      thanks: ['thank you', 'thanks', 'a big thank you', 'just wanted to say thanks', 'please pass on my thanks', 'massive thanks', 'cheers'],
      to: ['to the {staff}', 'to your team', 'to the repairs team', 'to everyone', 'to the lady on the phone', ''],
      for: [
        'for fixing my boiler so quickly', 'for coming out so fast', 'for sorting the leak', 'for all your help', 'for the new windows',
        'for being so patient with my mum', 'for getting the grab rails in', 'for cleaning up after the job', 'for sorting my rent account',
        'for keeping me updated', 'for clearing the fly tipping',
      ],
      today: ['who came today', 'who came on {day}', 'who fixed my heating', 'I spoke to this morning', 'you sent'],
      praise: [
        'brilliant', 'really helpful', 'so polite and tidy', 'fantastic', 'lovely and explained everything', 'very professional',
        'a credit to you', 'excellent', 'quick and friendly', 'a star',
      ],
      end: ['', '.', '!', ', really appreciated', '. Really pleased.', '. Great service.'],
    },
  },
  {
    id: 'praise_service', label: 'compliment', perPattern: 12, noise: COMPLIMENT_NOISE,
    patterns: [
      '{greet}{adj} {service} {when}{end}',
      '{greet}really {pleased} with {result}{end}',
    ],
    slots: {
      adj: ['Brilliant', 'Excellent', 'Fantastic', 'Great', 'Amazing', 'Really good', 'Top notch', 'First class'],
      service: ['service', 'job', 'work', 'response', 'help'],
      when: ['today', 'this week', 'from your team', 'on the kitchen', 'with my repair', 'as always'],
      pleased: ['pleased', 'happy', 'impressed', 'grateful'],
      result: [
        'the new bathroom', 'how quickly the leak was fixed', 'the damp treatment, no mould since', 'my new home', 'the work on the roof',
        'how my complaint was handled', 'the way the estate has been cleaned up', 'the new boiler', 'the help with my benefits',
      ],
      end: ['', '.', '!', ', thank you', '. Well done everyone.', ', thanks so much'],
    },
  },
  {
    id: 'thanks_behalf', label: 'compliment', perPattern: 10, noise: { ...COMPLIMENT_NOISE, sms: 0.1 },
    patterns: [
      'On behalf of my {relative}, {thanks} {for}.',
      'My {relative} asked me to say {thanks2} {for}.',
    ],
    slots: {
      thanks: ['thank you so much', 'a huge thank you', 'thanks', 'we are really grateful'],
      thanks2: ['thank you', 'a big thank you', 'how grateful she is', 'how pleased he is'],
      for: [
        'for fixing the heating so quickly', 'for the new wet room', 'for the stairlift', 'for the help with the move',
        'for being so kind on the phone', 'for fitting the key safe', 'for sorting the leak the same day', 'for the lovely new kitchen',
      ],
    },
  },

  // ---------------------------------------------------------------- other
  {
    id: 'rent_question', label: 'other', perPattern: 10, noise: OTHER_NOISE,
    patterns: [
      '{greet}{q} {rentTopic}?',
      '{greet}{rentStatement}',
    ],
    slots: {
      q: ['what is', 'how much is', 'can you tell me', 'do you know', 'when is', 'could you tell me'],
      rentTopic: [
        'my rent balance', 'my rent from April', 'the service charge this year', 'my rent due date', 'the amount I owe',
        'the bank details to pay rent', 'the weekly rent for my flat', 'my account number', 'the water rates part of my rent',
      ],
      rentStatement: [
        'can I pay my rent by card', 'can I pay my rent at the post office', 'is my rent paid up to date?', 'have you received my rent payment?',
        'does my rent include water?', 'how do I pay my rent online?', 'can I change the date my direct debit comes out?', 'am I in arrears?',
        'is the rent going up this year?', 'do I pay rent over Christmas?',
      ],
    },
  },
  {
    id: 'acknowledgement', label: 'other', perPattern: 12, noise: OTHER_NOISE,
    patterns: ['{ack}{ack2}', '{time} {fine}'],
    slots: {
      ack: ['ok', 'okay', 'yes', 'no', 'thanks', 'great', 'fine', 'sure', 'alright', 'got it', 'will do', 'noted', 'yep'],
      ack2: ['', '', '.', ' thanks', ' no problem', ', speak soon', ' 👍', ', bye', ' will do'],
      time: ['{day}', '{day} morning', '{day} afternoon', 'tomorrow', 'any time after 10', 'mornings', 'next week'],
      fine: ['is fine', 'works for me', 'is good', 'is ok', 'suits me', 'I\'ll be in'],
    },
  },
  {
    id: 'info_question', label: 'other', perPattern: 12, noise: OTHER_NOISE,
    patterns: ['{greet}{info}', '{greet}{who} {contact}?'],
    slots: {
      info: [
        'what time does the office close?', 'is the office open on bank holidays?', 'how do I join the residents\' association?',
        'when are the bins collected?', 'do you have a newsletter?', 'is there parking for visitors?', 'how does the mutual exchange scheme work?',
        'what band am I on the housing register?', 'can I have a pet in my flat?', 'is there a tenants\' meeting this month?',
        'where can I find the tenant handbook?', 'do you offer help with energy bills?', 'what is the out of hours number?',
      ],
      who: ['who do I speak to about', 'what number do I ring for', 'who is the contact for', 'which team deals with'],
      contact: ['parking permits', 'the community centre', 'the residents\' panel', 'home swaps', 'a change of address', 'tenancy sign up', 'volunteering'],
    },
  },
  {
    id: 'admin_statement', label: 'other', perPattern: 10, noise: OTHER_NOISE,
    patterns: ['{greet}{statement}', '{statement2}'],
    slots: {
      statement: [
        'just letting you know I\'ve paid my rent', 'I\'ve sent the photos you asked for', 'I\'ve posted the form back today',
        'I\'ll be on holiday next week', 'my son has moved out, just so you know', 'I\'ve emailed you the documents',
        'I\'ve changed banks, the new direct debit is set up', 'my universal credit starts next month',
      ],
      statement2: ['wrong number sorry', 'sorry, sent that by mistake', 'is this a bot?', 'are you a real person?', 'hello?', 'anyone there?', 'test message', 'happy christmas to all the staff', 'have a good weekend'],
    },
  },
];
