import { describe, expect, it } from '@jest/globals';
import type { CandidateRecords } from './data-export.repository.js';
import { filesOf } from './candidate-export.view.js';

const file = (id: number, fileName: string) => ({ id, fileName }) as never;

function records(resumeName: string, decks: string[]): CandidateRecords {
  return {
    candidate: { resumeFile: file(1, resumeName) },
    applications: decks.map((_, index) => ({ id: 10 + index, position: { title: `Position ${index}` } })),
    presentations: decks.map((name, index) => ({ applicationId: 10 + index, deckFile: file(20 + index, name) })),
    assessments: [],
  } as unknown as CandidateRecords;
}

describe(filesOf.name, () => {
  it('numbers the files so two with one name never collide, and says what each is', () => {
    const sut = filesOf(records('deck.pdf', ['deck.pdf', 'deck.pdf']));
    expect(sut.map(({ path, what }) => [path, what])).toEqual([
      ['files/01-deck.pdf', 'resume'],
      ['files/02-deck.pdf', 'presentation for Position 0'],
      ['files/03-deck.pdf', 'presentation for Position 1'],
    ]);
  });

  it('keeps every file inside files/: no path, no leading dots, no control characters', () => {
    const [resume, deck] = filesOf(records('../../etc/passwd', ['..\\..\\boot.ini\u0000.pdf']));
    expect(resume.path).toBe('files/01-_.._etc_passwd');
    expect(deck.path).toBe('files/02-_.._boot.ini_.pdf');
  });
});
