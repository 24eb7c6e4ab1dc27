import nspell from 'nspell';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** Aids shown to blind graders beside a writing test; never the grade itself. */
export interface WritingSignals {
  words: number;
  sentences: number;
  averageSentenceLength: number;
  fleschReadingEase: number;
  fleschKincaidGrade: number;
  passiveSentenceShare: number;
  misspellings: string[];
  repeatedWords: { word: string; count: number }[];
}

const MIN_SENTENCE_WORDS = 3;
const MAX_MISSPELLINGS = 30;
const MAX_REPEATED = 10;
const MIN_REPEATS = 3;

const BE_FORMS = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
const IRREGULAR_PARTICIPLES = new Set(
  (
    'written given taken made done seen sent known shown told held paid sold built brought bought chosen ' +
    'drawn driven eaten found gotten kept left lost meant met put read run said set spent spoken stolen ' +
    'thought understood won'
  ).split(' '),
);
// Words ending in -ed that are not participles but commonly follow "is"/"was".
const NOT_PARTICIPLES = new Set([
  'indeed',
  'need',
  'seed',
  'feed',
  'speed',
  'bed',
  'red',
  'shed',
  'hundred',
  'kindred',
]);
const STOP_WORDS = new Set(
  (
    'the a an and or but to of in on for with at by from is are was were be we you i it that this our your as ' +
    'will would can could have has had not do so if my me they them their he she his her'
  ).split(' '),
);

const WORD = /[\p{L}\p{M}'’-]+/gu;
const EDGE_PUNCTUATION = /^['’-]+|['’-]+$/gu;
const HAS_LETTER = /\p{L}/u;
const SENTENCE_END = /(?<=[.!?]["'”’)\]]*)\s+/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const SKIP_SPELLING = /\d|@|:\/\//u;

interface Word {
  text: string;
  lower: string;
  spellCheck: boolean;
}

let speller: Promise<nspell> | undefined;

/** Builds the dictionary once per process: parsing it takes ~150 ms. */
function loadSpeller(): Promise<nspell> {
  speller ??= import('dictionary-en').then(({ default: dictionary }) =>
    nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) }),
  );
  return speller;
}

export async function computeWritingSignals(
  text: string,
  options: { ignore?: string[] } = {},
): Promise<WritingSignals> {
  const spell = await loadSpeller();
  const words = wordsOf(text);
  const sentences = sentencesOf(text);
  const sentenceWords = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  const sentenceSyllables = sentences.reduce(
    (sum, sentence) => sum + sentence.reduce((inner, word) => inner + syllable(word.lower), 0),
    0,
  );
  const counts = { sentence: sentences.length, word: sentenceWords, syllable: sentenceSyllables };
  const readable = sentences.length > 0 && sentenceWords > 0 && sentenceSyllables > 0;

  return {
    words: words.length,
    sentences: sentences.length,
    averageSentenceLength: sentences.length ? round(sentenceWords / sentences.length, 1) : 0,
    fleschReadingEase: readable ? round(flesch(counts), 1) : 0,
    fleschKincaidGrade: readable ? round(fleschKincaid(counts), 1) : 0,
    passiveSentenceShare: sentences.length ? round(sentences.filter(isPassive).length / sentences.length, 2) : 0,
    misspellings: misspellingsOf(words, spell, options.ignore ?? []),
    repeatedWords: repeatedWordsOf(words),
  };
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const token of text.split(/\s+/u)) {
    const spellCheck = !SKIP_SPELLING.test(token);
    for (const match of token.matchAll(WORD)) {
      const word = match[0].replace(EDGE_PUNCTUATION, '').replace(/’/gu, "'");
      if (HAS_LETTER.test(word)) words.push({ text: word, lower: word.toLowerCase(), spellCheck });
    }
  }
  return words;
}

/** Segments end at . ! ? before whitespace and at every line break; segments under three words (greetings, sign-offs) are not sentences. */
function sentencesOf(text: string): Word[][] {
  return text
    .split(/\r?\n/u)
    .flatMap((line) => line.trim().split(SENTENCE_END))
    .map(wordsOf)
    .filter((words) => words.length >= MIN_SENTENCE_WORDS);
}

function isPassive(sentence: Word[]): boolean {
  return sentence.some(
    (word, i) => BE_FORMS.has(word.lower) && sentence.slice(i + 1, i + 3).some((next) => isParticiple(next.lower)),
  );
}

function isParticiple(word: string): boolean {
  return IRREGULAR_PARTICIPLES.has(word) || (word.length > 3 && word.endsWith('ed') && !NOT_PARTICIPLES.has(word));
}

function misspellingsOf(words: Word[], spell: nspell, ignore: string[]): string[] {
  const ignored = new Set(wordsOf(ignore.join(' ')).map((word) => word.lower));
  const found = new Set<string>();
  for (const word of words) {
    if (!word.spellCheck || ACRONYM.test(word.text) || ignored.has(word.lower) || spell.correct(word.text)) continue;
    // The dictionary lacks most hyphenated compounds, so report only the parts it does not know.
    const parts = word.text.includes('-') ? word.text.split('-').filter((part) => HAS_LETTER.test(part)) : [word.text];
    for (const part of parts) {
      const lower = part.toLowerCase();
      if (!ACRONYM.test(part) && !ignored.has(lower) && !spell.correct(part)) found.add(lower);
    }
  }
  return [...found].sort().slice(0, MAX_MISSPELLINGS);
}

function repeatedWordsOf(words: Word[]): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { lower } of words) {
    if (!STOP_WORDS.has(lower)) counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_REPEATS)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .slice(0, MAX_REPEATED)
    .map(([word, count]) => ({ word, count }));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor || 0;
}
