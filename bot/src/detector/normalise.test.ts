import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.ts';

describe('normalise', () => {
  it('expands SMS shorthand', () => {
    expect(normalise('u said ur engineer wd come, pls reply').text).toBe('you said your engineer wd come, please reply');
    expect(normalise('plz help, no1 came').text).toBe('please help, no one came');
    expect(normalise('3rd time').text).toBe('third time');
    expect(normalise('thx m8 gr8 job').text).toBe('thanks mate great job');
  });

  it('folds elongated letters', () => {
    expect(normalise('sooooo cold').text).toBe('so cold');
    expect(normalise('pleeeease').text).toBe('please');
    expect(normalise('goooood').text).toBe('good');
  });

  it('notes ALL CAPS as shouting, then lower-cases', () => {
    const n = normalise('NOBODY HAS COME TO FIX MY BOILER');
    expect(n.shouting).toBe(true);
    expect(n.text).toBe('nobody has come to fix my boiler');
    expect(normalise('nobody came AGAIN').capsWords).toBe(1);
    expect(normalise('my MP and the ASB team').capsWords).toBe(0);
    expect(normalise('Hello there').shouting).toBe(false);
  });

  it('maps emoji and emoticons to tokens', () => {
    expect(normalise('heating off 😡😡').text).toBe('heating off :angry: :angry:');
    expect(normalise('thanks 👍🏽').text).toBe('thanks :thumbsup:');
    expect(normalise('not again :(').text).toBe('not again :sad:');
    expect(normalise('cheers :)').text).toBe('cheers :smile:');
  });

  it('fixes common typos and apostrophe-less contractions', () => {
    expect(normalise('i recieved a letter about my apointment').text).toBe('i received a letter about my appointment');
    expect(normalise('dont know why it isnt fixed').text).toBe("don't know why it isn't fixed");
    expect(normalise('I want to make a compliant').text).toBe('i want to make a complaint');
    expect(normalise('it’s a joke').text).toBe("it's a joke");
  });

  it('counts exclamation and question marks and tidies runs', () => {
    const n = normalise('why?!?! nobody came!!!');
    expect(n.exclamations).toBe(5);
    expect(n.questions).toBe(2);
    expect(n.text).toBe('why? nobody came!');
  });

  it('joins hyphenated words and ellipses', () => {
    expect(normalise('a no-show, fed-up').text).toBe('a no show, fed up');
    expect(normalise('brilliant service… not').text).toBe('brilliant service ... not');
  });

  it('keeps numbers that are quantities', () => {
    expect(normalise('for 2 weeks and 4 days').text).toBe('for 2 weeks and 4 days');
  });
});
