import { Injectable } from '@nestjs/common';
import { FormInvalidError } from '../common/errors.js';
import { DEFAULT_BACKWARD_PHRASES, DEFAULT_PROTECTED_TOPICS, type QuestionCheckLists } from './check-lists.js';
import type { CheckPhraseList } from './entities/check-phrase.entity.js';
import { DEFAULT_EXPERIENCE_PROXIES, DEFAULT_VAGUE_VERBS, type CheckPhrases } from './outcome-check.js';
import { PositionsRepository } from './positions.repository.js';

/** The outcome check's word lists: built-in phrases plus those admins add. */
@Injectable()
export class CheckPhrasesService {
  constructor(private readonly positions: PositionsRepository) {}

  async phrases(): Promise<CheckPhrases> {
    const added = await this.positions.findCheckPhrases();
    const of = (list: CheckPhraseList) => added.filter((row) => row.list === list).map((row) => row.phrase);
    return {
      experienceProxies: [...DEFAULT_EXPERIENCE_PROXIES, ...of('experience-proxy')],
      vagueVerbs: [...DEFAULT_VAGUE_VERBS, ...of('vague-verb')],
    };
  }

  /** The question check's lists: built-in plus admin additions. */
  async questionLists(): Promise<QuestionCheckLists> {
    const added = await this.positions.findCheckPhrases();
    return {
      backward: [
        ...DEFAULT_BACKWARD_PHRASES,
        ...added.filter((row) => row.list === 'backward-question').map((row) => row.phrase),
      ],
      protectedTopics: [
        ...DEFAULT_PROTECTED_TOPICS,
        ...added
          .filter((row) => row.list === 'protected-topic')
          .map((row) => ({
            pattern: row.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
            topic: row.note ?? 'a protected topic',
          })),
      ],
    };
  }

  async lists() {
    const added = await this.positions.findCheckPhrases();
    return {
      experienceProxies: {
        builtIn: DEFAULT_EXPERIENCE_PROXIES,
        added: added.filter((row) => row.list === 'experience-proxy'),
      },
      vagueVerbs: { builtIn: DEFAULT_VAGUE_VERBS, added: added.filter((row) => row.list === 'vague-verb') },
      backwardQuestions: {
        builtIn: DEFAULT_BACKWARD_PHRASES,
        added: added.filter((row) => row.list === 'backward-question'),
      },
      protectedTopics: {
        builtIn: DEFAULT_PROTECTED_TOPICS.map((topic) => `${topic.topic}: ${topic.pattern.split('|').join(', ')}`),
        added: added.filter((row) => row.list === 'protected-topic'),
      },
    };
  }

  async add(list: CheckPhraseList, phrase: string, userId: number, note: string | null = null): Promise<void> {
    const normalised = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
    if (list === 'protected-topic' && !note)
      throw FormInvalidError.single('note', 'Say which protected topic the word belongs to');
    const builtIn =
      list === 'experience-proxy'
        ? DEFAULT_EXPERIENCE_PROXIES
        : list === 'vague-verb'
          ? DEFAULT_VAGUE_VERBS
          : list === 'backward-question'
            ? DEFAULT_BACKWARD_PHRASES
            : [];
    if (builtIn.includes(normalised) || (await this.positions.checkPhraseExists(list, normalised))) {
      throw FormInvalidError.single('phrase', `“${normalised}” is already on the list`);
    }
    await this.positions.addCheckPhrase(list, normalised, userId, note);
  }

  remove(id: number): Promise<void> {
    return this.positions.removeCheckPhrase(id);
  }
}
