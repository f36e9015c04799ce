import { describe, expect, it } from 'vitest';
import { residentSearchTerms } from './searchTerms.ts';

describe('residentSearchTerms', () => {
  it('reads a full postcode however it is typed', () => {
    expect(residentSearchTerms('zz11zz').postcodePrefix).toBe('ZZ1 1ZZ');
    expect(residentSearchTerms(' ZZ1   1ZZ ').postcodePrefix).toBe('ZZ1 1ZZ');
  });

  it('searches the start of a postcode, and not for a name', () => {
    expect(residentSearchTerms('zz1').postcodePrefix).toBe('ZZ1');
    expect(residentSearchTerms('Jones').postcodePrefix).toBeNull();
  });

  it.each([
    ['07700 900123', '447700900123'],
    ['+44 7700 900123', '447700900123'],
    ['0044 7700 900123', '447700900123'],
    ['900123', '900123'],
  ])('reads the phone number %s as the digits %s of its E.164 form', (query, digits) => {
    expect(residentSearchTerms(query).phoneDigits).toBe(digits);
  });

  it('does not treat names, short numbers or tenancy references as phone numbers', () => {
    expect(residentSearchTerms('Sam 07700').phoneDigits).toBeNull();
    expect(residentSearchTerms('12345').phoneDigits).toBeNull();
    expect(residentSearchTerms('T100123').phoneDigits).toBeNull();
    expect(residentSearchTerms('T100 123').tenancyReference).toBe('T100123');
  });
});
