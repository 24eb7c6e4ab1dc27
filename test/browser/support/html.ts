import { HtmlValidate } from 'html-validate';

/**
 * Issue 16, acceptance 5: pages are valid HTML. The "standard" preset is the HTML specification's conformance (what the
 * Nu checker reports); the "a11y" preset adds ARIA rules (unique landmark names, aria-label only where it names
 * something). One rule is off: `prefer-native-element` flags `<a role="button">`, Pico CSS's way to draw a link
 * (which navigates) as a button; axe accepts it and the link keeps working with Enter.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:a11y'],
  rules: { 'prefer-native-element': 'off' },
});

/** The validator's errors for one page's HTML source, as "rule: message (where)". */
export async function htmlErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => `${message.ruleId}: ${message.message} (${message.selector ?? `line ${message.line}`})`),
  );
}
