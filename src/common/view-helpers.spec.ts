import { scriptJson, viewHelpers } from './view-helpers.js';

describe('scriptJson', () => {
  it('writes JSON no value can break out of a <script> element with, and that still parses to the same value', () => {
    const value = { title: '</script><script>alert(1)</script> & <!-- \u2028' };
    const sut = scriptJson(value);
    expect(sut).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(sut)).toEqual(value);
  });
});

describe('slots', () => {
  it('reads a repeated field sent once (a plain string) as a list, and gives an empty field one empty slot', () => {
    expect(viewHelpers.slots('One prompt')).toEqual(['One prompt']);
    expect(viewHelpers.slots(['First', ''])).toEqual(['First', '']);
    expect(viewHelpers.slots(undefined)).toEqual(['']);
    expect(viewHelpers.slots([])).toEqual(['']);
  });
});
