import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { FormInvalidError } from '../common/errors.js';

/** zxcvbn's scale: 3 means "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return estimator;
}

/** What a guesser would try first for this person: their name, their email and its parts, and the app's name. */
function contextWords(person: { name?: string | null; email: string }): string[] {
  const [local, domain = ''] = person.email.toLowerCase().split('@');
  const words = [person.email, local, domain, domain.split('.')[0], ...local.split(/[._+-]+/), 'keeper'];
  const name = (person.name ?? '').toLowerCase();
  words.push(name, name.replace(/\s+/g, ''), ...name.split(/\s+/));
  return words.filter((word) => word.length > 1);
}

/**
 * Refuses a password zxcvbn scores below MIN_PASSWORD_SCORE, with its hint. The password is also checked with
 * spaces and punctuation removed: zxcvbn prices a separator as a random character, so "keeper-keeper" would pass.
 */
export function assertStrongPassword(password: string, person: { name?: string | null; email: string }): void {
  const words = contextWords(person);
  const results = [password, password.replace(/[\s\p{P}\p{S}]+/gu, '')].map((candidate) =>
    zxcvbn().check(candidate, words),
  );
  const weakest = results.reduce((a, b) => (b.score < a.score ? b : a));
  if (weakest.score >= MIN_PASSWORD_SCORE) return;
  throw FormInvalidError.single('password', weakPasswordMessage(weakest));
}

function weakPasswordMessage({ feedback }: ZxcvbnResult): string {
  const hints = [feedback.warning, ...feedback.suggestions].filter(Boolean);
  if (!hints.length) hints.push('Add a few more unrelated words.');
  return `This password would be easy to guess. ${hints.join(' ')}`;
}
