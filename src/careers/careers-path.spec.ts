import { careersPath, careersSlug } from './careers-path.js';

describe('careersPath', () => {
  it('makes a readable address from the title: lower case, other characters one dash, none at the ends', () => {
    expect(careersSlug('Account Executive, Mid-Market Healthcare')).toBe('account-executive-mid-market-healthcare');
    expect(careersSlug('  C++ / Go Engineer!! ')).toBe('c-go-engineer');
    expect(careersSlug('Ingénieur·e')).toBe('ing-nieur-e');
    expect(careersPath({ id: 12, title: 'Account Executive' })).toBe('/careers/12-account-executive');
  });

  it('keeps at most 60 characters of the title', () => {
    const slug = careersSlug('Senior '.repeat(20));
    expect(slug).toHaveLength(60);
    expect(slug.startsWith('senior-senior-')).toBe(true);
  });
});
