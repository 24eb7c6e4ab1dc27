import hbs from 'hbs';
import type { TemplateValues } from './message-templates.js';

/** A separate Handlebars: an admin's template sees none of the views' helpers, only #if and #unless. */
const engine = hbs.create().handlebars;
const BLOCK_HELPERS = new Set(['if', 'unless']);

interface Node {
  type: string;
  [key: string]: unknown;
}

interface PathNode extends Node {
  original: string;
  parts: string[];
  depth: number;
  data: boolean;
}

/**
 * Why a template cannot be saved, or null: a syntax error, a placeholder not in `allowed` (named), or anything beyond
 * {{name}} and {{#if name}}…{{else}}…{{/if}} (partials, helpers, paths into objects).
 */
export function templateProblem(source: string, allowed: readonly string[]): string | null {
  let program: Node;
  try {
    program = engine.parse(source) as unknown as Node;
  } catch (error) {
    return syntaxProblem(error);
  }
  const problems: string[] = [];
  walk(program, allowed, problems);
  return problems[0] ?? null;
}

function syntaxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/i.exec(message)?.[1];
  const where = line ? ` on line ${line}` : '';
  if (/doesn't match/.test(message))
    return `A block is not closed properly${where}: each {{#if name}} needs its own {{/if}}.`;
  return `The template cannot be read${where}: write each placeholder as {{name}} with two braces on each side, and close each {{#if name}} with {{/if}}.`;
}

function walk(node: Node | null | undefined, allowed: readonly string[], problems: string[]): void {
  if (!node) return;
  switch (node.type) {
    case 'Program':
      for (const statement of node.body as Node[]) walk(statement, allowed, problems);
      return;
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const params = node.params as Node[];
      const pairs = ((node.hash as { pairs?: Node[] } | undefined)?.pairs ?? []).length;
      if (params.length || pairs) {
        problems.push(
          `{{${(node.path as PathNode).original} …}} is not a placeholder: write one name, e.g. {{positionTitle}}.`,
        );
        return;
      }
      checkPath(node.path as Node, allowed, problems);
      return;
    }
    case 'BlockStatement': {
      const helper = (node.path as PathNode).original;
      const params = node.params as Node[];
      if (!BLOCK_HELPERS.has(helper) || params.length !== 1) {
        problems.push(`{{#${helper}}} is not allowed: only {{#if name}} and {{#unless name}} blocks can be used.`);
        return;
      }
      checkPath(params[0], allowed, problems);
      walk(node.program as Node, allowed, problems);
      walk(node.inverse as Node | null, allowed, problems);
      return;
    }
    default:
      problems.push('Only placeholders such as {{positionTitle}} and {{#if name}} blocks can be used in a message.');
  }
}

function checkPath(node: Node, allowed: readonly string[], problems: string[]): void {
  if (node.type !== 'PathExpression') {
    problems.push('Only placeholders such as {{positionTitle}} can be used in a message, not literal values.');
    return;
  }
  const path = node as PathNode;
  const name = path.original;
  if (path.data || path.depth > 0 || path.parts.length !== 1 || !allowed.includes(name))
    problems.push(`Unknown placeholder {{${name}}}: use one of the placeholders listed beside the form.`);
}

/** The plain-text message: values as they are (nothing to HTML-escape in text mail). */
export function renderText(source: string, values: TemplateValues): string {
  return engine.compile(source, { noEscape: true })(values);
}

/** A subject: plain text on one line, at most 255 characters. */
export function renderSubject(source: string, values: TemplateValues): string {
  return renderText(source, values).replace(/\s+/g, ' ').trim().slice(0, 255);
}

/**
 * The HTML part: the template's own text and every value HTML-escaped by Handlebars, then paragraphs and clickable
 * links. Nothing an admin or a candidate typed becomes markup.
 */
export function renderHtml(source: string, values: TemplateValues): string {
  const program = engine.parse(source) as unknown as Node;
  escapeContent(program);
  const escaped = engine.compile(program as unknown as string)(values);
  return htmlDocument(escaped);
}

/** The HTML part of a message a person wrote as plain text. */
export function textToHtml(text: string): string {
  return htmlDocument(engine.Utils.escapeExpression(text));
}

function escapeContent(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(escapeContent);
    return;
  }
  const record = node as Node;
  if (record.type === 'ContentStatement') {
    record.value = engine.Utils.escapeExpression(record.value as string);
    return;
  }
  for (const key of ['body', 'program', 'inverse']) escapeContent(record[key]);
}

/** A URL in escaped text: it ends before a space, an escaped quote or angle bracket, and trailing punctuation. */
const LINK =
  /\bhttps?:\/\/(?:(?!&quot;|&#x27;|&lt;|&gt;|&#x60;)[^\s<])*(?:(?!&quot;|&#x27;|&lt;|&gt;|&#x60;)[^\s<.,;:!?)])/g;

/** Escaped text as paragraphs (a blank line between them), single line breaks kept, links made clickable. */
function htmlDocument(escaped: string): string {
  const paragraphs = escaped
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map(
      (paragraph) =>
        `<p>${paragraph.replace(LINK, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br>\n')}</p>`,
    );
  return `<!doctype html>\n<html><body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1f2933; max-width: 40em">\n${paragraphs.join('\n')}\n</body></html>\n`;
}
