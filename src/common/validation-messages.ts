const numberIn = (message: string): string => {
  const found = /(\d+)/.exec(message.replace(/^each value in /, ''));
  return found ? Number(found[1]).toLocaleString('en-US') : '';
};

/** class-validator's constraint names → what a person reads next to the field. */
const MESSAGES: Record<string, (message: string) => string> = {
  maxLength: (message) => `Keep this to ${numberIn(message)} characters or fewer`,
  minLength: (message) => `Write at least ${numberIn(message)} characters`,
  isNotEmpty: () => 'Fill this in',
  isString: () => 'Enter text here',
  isInt: () => 'Enter a whole number',
  isNumber: () => 'Enter a number',
  min: (message) => `Enter ${numberIn(message)} or more`,
  max: (message) => `Enter ${numberIn(message)} or less`,
  isIn: () => 'Choose one from the list',
  isEnum: () => 'Choose one from the list',
  isEmail: () => 'Enter an email address like name@example.com',
  isBoolean: () => 'Choose yes or no',
  isArray: () => 'Choose from the list',
  arrayMaxSize: (message) => `Choose at most ${numberIn(message)}`,
  arrayMinSize: (message) => `Choose at least ${numberIn(message)}`,
  isDateString: () => 'Enter a real date',
  isIso8601: () => 'Enter a real date',
  matches: () => 'Check the format of this value',
  whitelistValidation: () => 'This form has no such field; reload the page and try again',
  nestedValidation: () => 'Fill this in as the form asks',
};

/**
 * A rule's message as a person reads it: messages written in the DTO are kept; class-validator's own ("description
 * must be shorter than or equal to 10000 characters") name the code's property and are replaced by a sentence.
 */
export function humanMessage(constraint: string, message: string, property: string): string {
  const framework = [
    `${property} `,
    `each value in ${property} `,
    `property ${property} `,
    `nested property ${property} `,
  ];
  if (!framework.some((start) => message.startsWith(start))) return message;
  return (MESSAGES[constraint] ?? (() => 'Check this value'))(message);
}
