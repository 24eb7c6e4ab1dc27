import { Injectable } from '@nestjs/common';
import { FormInvalidError } from '../common/errors.js';
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

  async lists() {
    const added = await this.positions.findCheckPhrases();
    return {
      experienceProxies: { builtIn: DEFAULT_EXPERIENCE_PROXIES, added: added.filter((row) => row.list === 'experience-proxy') },
      vagueVerbs: { builtIn: DEFAULT_VAGUE_VERBS, added: added.filter((row) => row.list === 'vague-verb') },
    };
  }

  async add(list: CheckPhraseList, phrase: string, userId: number): Promise<void> {
    const normalised = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
    const builtIn = list === 'experience-proxy' ? DEFAULT_EXPERIENCE_PROXIES : DEFAULT_VAGUE_VERBS;
    if (builtIn.includes(normalised) || (await this.positions.checkPhraseExists(list, normalised))) {
      throw FormInvalidError.single('phrase', `“${normalised}” is already on the list`);
    }
    await this.positions.addCheckPhrase(list, normalised, userId);
  }

  remove(id: number): Promise<void> {
    return this.positions.removeCheckPhrase(id);
  }
}
