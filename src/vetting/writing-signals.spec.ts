import { computeWritingSignals } from './writing-signals.js';

const sut = computeWritingSignals;

describe(computeWritingSignals.name, () => {
  it('counts words and sentences, leaving greeting and sign-off lines out of the sentences', async () => {
    const text = 'Hi Dana,\n\nThe plan is ready now. We start on Monday!\nIt ships in May?\n\nThanks,\nAda';

    const signals = await sut(text);

    // 2 + 5 + 4 + 4 + 1 + 1 words; only the three segments of 3+ words are sentences.
    expect(signals.words).toBe(17);
    expect(signals.sentences).toBe(3);
    expect(signals.averageSentenceLength).toBe(4.3);
  });

  it('does not split on a decimal point or mid-line punctuation without a following space', async () => {
    const signals = await sut('Revenue grew 3.5 percent this year. Margins held steady too.');

    expect(signals.sentences).toBe(2);
    expect(signals.averageSentenceLength).toBe(4.5);
  });

  it('finds misspellings, lower-cased, distinct and sorted, and leaves correct words alone', async () => {
    const signals = await sut('Definately we will recieve it. You will receive it and recieve more.');

    expect(signals.misspellings).toEqual(['definately', 'recieve']);
  });

  it('suppresses words in the ignore list, acronyms, emails, URLs and words with digits', async () => {
    const text = 'Okafor moved the CRM data to https://exampel.com and mailed jdoe@exampel.com about Q3 and abc123x.';

    expect((await sut(text)).misspellings).toEqual(['okafor']);
    expect((await sut(text, { ignore: ['Chidi Okafor'] })).misspellings).toEqual([]);
  });

  it('reports the share of sentences in the passive voice', async () => {
    const text =
      'The contract was signed by the buyer. We shipped the order on time. The team met every deadline. Our customers renewed early.';

    expect((await sut(text)).passiveSentenceShare).toBe(0.25);
  });

  it('recognises irregular participles up to two words after the verb and ignores "is indeed"', async () => {
    const text = 'The report was quickly written by Sam. The plan is indeed good. The budget has been spent already.';

    expect((await sut(text)).passiveSentenceShare).toBe(0.67);
  });

  it('lists content words used three or more times, most frequent first, ignoring stop words and case', async () => {
    const text =
      'Customers love the product. The product helps customers. Customers buy the product again. Product teams listen. The the the.';

    const signals = await sut(text);

    expect(signals.repeatedWords).toEqual([
      { word: 'product', count: 4 },
      { word: 'customers', count: 3 },
    ]);
  });

  it('computes Flesch reading ease and Flesch-Kincaid grade by their formulas', async () => {
    // 9 words, 2 sentences, 10 syllables (run-ning is the only two-syllable word).
    const signals = await sut('The cat sat on the mat. Dogs like running.');

    expect(signals.fleschReadingEase).toBe(108.3); // 206.835 - 1.015 * 4.5 - 84.6 * 10 / 9
    expect(signals.fleschKincaidGrade).toBe(-0.7); // 0.39 * 4.5 + 11.8 * 10 / 9 - 15.59
  });

  it('scores text of long words as harder to read than text of short words', async () => {
    const short = await sut('We sat in the sun. It was a good day. The dog ran to me.');
    const long = await sut(
      'Organizational transformation necessitates comprehensive stakeholder communication. Operational considerations substantially complicate implementation.',
    );

    expect(long.fleschReadingEase).toBeLessThan(short.fleschReadingEase);
    expect(long.fleschKincaidGrade).toBeGreaterThan(short.fleschKincaidGrade);
    expect(short.fleschReadingEase).toBeGreaterThan(80);
    expect(long.fleschReadingEase).toBeLessThan(10);
    expect(long.fleschKincaidGrade).toBeGreaterThan(16);
  });

  it('returns zeros and empty lists for empty text, with no NaN', async () => {
    const empty = {
      words: 0,
      sentences: 0,
      averageSentenceLength: 0,
      fleschReadingEase: 0,
      fleschKincaidGrade: 0,
      passiveSentenceShare: 0,
      misspellings: [],
      repeatedWords: [],
    };

    await expect(sut('')).resolves.toEqual(empty);
    await expect(sut('  \n\n ')).resolves.toEqual(empty);
  });

  it('gives zero readability, not NaN, when no segment is long enough to be a sentence', async () => {
    const signals = await sut('Hi Dana,\nThanks!');

    expect(signals.words).toBe(3);
    expect(signals.sentences).toBe(0);
    expect(signals.fleschReadingEase).toBe(0);
    expect(signals.fleschKincaidGrade).toBe(0);
    expect(signals.averageSentenceLength).toBe(0);
  });
});
