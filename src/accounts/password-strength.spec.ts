import { FormInvalidError } from '../common/errors.js';
import { assertStrongPassword } from './password-strength.js';

const person = { name: 'Nora Quill', email: 'nora.quill@acme.example' };

function refusal(password: string): string {
  try {
    assertStrongPassword(password, person);
  } catch (error) {
    if (error instanceof FormInvalidError) return error.fields.password.join(' ');
    throw error;
  }
  throw new Error(`"${password}" was accepted`);
}

describe(assertStrongPassword.name, () => {
  it.each([
    ['password1234', 'similar to a commonly used password'],
    ['nora.quill@acme.example', 'personal'],
    ['keeper-keeper', 'Repeated'],
    ['NoraQuill-1990', 'easy to guess'],
  ])('refuses "%s" with the estimator’s hint', (password, hint) => {
    const message = refusal(password);
    expect(message).toContain('This password would be easy to guess.');
    expect(message).toContain(hint);
  });

  it.each(['quiet otters fold maps at dawn', 'a long test password 2026', 'keeper-demo-2026'])(
    'accepts "%s"',
    (password) => {
      expect(() => assertStrongPassword(password, person)).not.toThrow();
    },
  );
});
