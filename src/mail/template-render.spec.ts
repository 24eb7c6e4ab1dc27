import { MESSAGE_TEMPLATES, PLACEHOLDERS, PREVIEW_VALUES } from './message-templates.js';
import { renderHtml, renderSubject, renderText, templateProblem, textToHtml } from './template-render.js';

const allowed = ['candidateFirstName', 'positionTitle', 'agencyName'];

describe('templateProblem', () => {
  it('accepts the allowed placeholders and #if / #unless blocks on them', () => {
    expect(
      templateProblem('Hello {{candidateFirstName}}, {{#if agencyName}}via {{agencyName}}{{else}}hi{{/if}}', allowed),
    ).toBeNull();
  });

  it('names an unknown placeholder, also inside a block or as its condition', () => {
    expect(templateProblem('Hello {{candidateAge}}', allowed)).toContain('{{candidateAge}}');
    expect(templateProblem('{{#if agencyName}}{{salary}}{{/if}}', allowed)).toContain('{{salary}}');
    expect(templateProblem('{{#unless notes}}x{{/unless}}', allowed)).toContain('{{notes}}');
  });

  it('refuses paths, data, helpers and partials', () => {
    for (const source of [
      '{{candidate.notes}}',
      '{{@root.x}}',
      '{{../positionTitle}}',
      '{{lookup this "x"}}',
      '{{> csrf}}',
      '{{#each positionTitle}}x{{/each}}',
    ])
      expect(templateProblem(source, allowed)).not.toBeNull();
  });

  it('explains a syntax error with its line', () => {
    expect(templateProblem('Hello\n{{candidateFirstName', allowed)).toMatch(/line 2/);
    expect(templateProblem('{{#if agencyName}}x', allowed)).not.toBeNull();
  });

  it('accepts every default template with its own placeholders, which are all documented', () => {
    for (const template of MESSAGE_TEMPLATES) {
      expect(templateProblem(template.subject, template.placeholders)).toBeNull();
      expect(templateProblem(template.body, template.placeholders)).toBeNull();
      for (const name of template.placeholders) expect(PLACEHOLDERS[name]).toBeTruthy();
    }
  });
});

describe('rendering', () => {
  const values = { ...PREVIEW_VALUES, candidateFirstName: '<b>Eve</b> & co' };

  it('keeps values literal in the text part and the subject', () => {
    expect(renderText('Hello {{candidateFirstName}}', values)).toBe('Hello <b>Eve</b> & co');
    expect(renderSubject('Hi\n {{candidateFirstName}}', values)).toBe('Hi <b>Eve</b> & co');
  });

  it('escapes values and the template text in the HTML part, with paragraphs and clickable links', () => {
    const html = renderHtml('<i>Hello</i> {{candidateFirstName}},\n\nYour page: {{portalLink}}.', values);
    expect(html).toContain('<p>&lt;i&gt;Hello&lt;/i&gt; &lt;b&gt;Eve&lt;/b&gt; &amp; co,</p>');
    expect(html).toContain(`<a href="${PREVIEW_VALUES.portalLink}">${PREVIEW_VALUES.portalLink}</a>.</p>`);
    expect(html).not.toContain('<b>');
  });

  it('makes a person’s plain text safe HTML', () => {
    const html = textToHtml('One\nline "https://example.com/a?b=1"\n\n<script>x</script>');
    expect(html).toContain(
      '<p>One<br>\nline &quot;<a href="https://example.com/a?b&#x3D;1">https://example.com/a?b&#x3D;1</a>&quot;</p>',
    );
    expect(html).toContain('<p>&lt;script&gt;x&lt;/script&gt;</p>');
  });
});
