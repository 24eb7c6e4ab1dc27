import { scriptJson } from './view-helpers.js';

describe('scriptJson', () => {
  it('writes JSON no value can break out of a <script> element with, and that still parses to the same value', () => {
    const value = { title: '</script><script>alert(1)</script> & <!-- \u2028' };
    const sut = scriptJson(value);
    expect(sut).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(sut)).toEqual(value);
  });
});
