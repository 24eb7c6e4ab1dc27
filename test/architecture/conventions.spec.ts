import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The measurable rules of issue 11. Each failure lists what to fix: file:line, the method, the size.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const MAX_HANDLER_BODY_LINES = 10;
const MAX_SERVICE_LINES = 400;
const MAX_TEMPLATE_LINES = 150;
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

/** Files under a folder of the project, as paths relative to the project root. */
function filesUnder(folder: string, suffix: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(folder, name))
    .sort();
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const lineCount = (text: string) => text.replace(/\n$/, '').split('\n').length;

const sourceFiles = filesUnder('src', '.ts').filter((file) => !file.endsWith('.spec.ts') && !file.endsWith('.d.ts'));
const serviceFiles = sourceFiles.filter((file) => file.endsWith('.service.ts'));
const controllerFiles = sourceFiles.filter((file) => file.endsWith('.controller.ts'));

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

/** Names of the decorators on a node: `@Get(':id')` → 'Get'. */
function decoratorNames(node: ts.Node): string[] {
  const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  return decorators.map(({ expression }) => {
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    return ts.isIdentifier(callee) ? callee.text : callee.getText();
  });
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/** Lines of text matching a pattern, as `file:line  text`. */
function linesMatching(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    read(file)
      .split('\n')
      .flatMap((text, index) => (pattern.test(text) ? [`${file}:${index + 1}  ${text.trim()}`] : [])),
  );
}

describe('Code shape (issue 11)', () => {
  it(`has no controller handler with a body over ${MAX_HANDLER_BODY_LINES} lines`, () => {
    const tooLong: string[] = [];
    for (const file of sourceFiles) {
      const source = parse(file);
      visit(source, (node) => {
        if (!ts.isClassDeclaration(node) || !decoratorNames(node).includes('Controller')) return;
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) || !member.body) continue;
          if (!decoratorNames(member).some((name) => ROUTE_DECORATORS.has(name))) continue;
          const open = lineOf(source, member.body.getStart(source));
          const close = lineOf(source, member.body.getEnd());
          const lines = Math.max(1, close - open - 1);
          if (lines > MAX_HANDLER_BODY_LINES) {
            tooLong.push(`${file}:${open} ${node.name?.text}.${member.name.getText(source)} — ${lines} lines`);
          }
        }
      });
    }
    expect(tooLong).toEqual([]);
  });

  it(`has no service file over ${MAX_SERVICE_LINES} lines`, () => {
    const tooLong = serviceFiles
      .map((file) => ({ file, lines: lineCount(read(file)) }))
      .filter(({ lines }) => lines > MAX_SERVICE_LINES)
      .map(({ file, lines }) => `${file} — ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it(`has no template over ${MAX_TEMPLATE_LINES} lines`, () => {
    const tooLong = filesUnder('views', '.hbs')
      .map((file) => ({ file, lines: lineCount(read(file)) }))
      .filter(({ lines }) => lines > MAX_TEMPLATE_LINES)
      .map(({ file, lines }) => `${file} — ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it('has no merge conflict markers left in code, views, styles or tests', () => {
    const files = [
      ...filesUnder('src', '.ts'),
      ...filesUnder('views', '.hbs'),
      ...filesUnder('views', '.css'),
      ...filesUnder('test', '.ts'),
    ];
    expect(linesMatching(files, /^(<{7}|>{7})( |$)|^={7}$/)).toEqual([]);
  });

  it('has no role checks or user casts in controllers (the access class and @CurrentUser do that)', () => {
    expect(linesMatching(controllerFiles, /\.hasRole\(|\breq\.user as User\b/)).toEqual([]);
  });

  it('has no services reaching past their repository (getRepository, dataSource.transaction)', () => {
    expect(linesMatching(serviceFiles, /getRepository\(|dataSource\.transaction\b/)).toEqual([]);
  });

  it("has no @FormView('view', 'methodName'): pass the page builder class instead", () => {
    const byName: string[] = [];
    for (const file of sourceFiles) {
      const source = parse(file);
      visit(source, (node) => {
        if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) return;
        const { expression: callee, arguments: args } = node.expression;
        if (!ts.isIdentifier(callee) || callee.text !== 'FormView' || !args[1]) return;
        if (ts.isStringLiteralLike(args[1])) {
          byName.push(`${file}:${lineOf(source, node.getStart(source))}  ${node.getText(source)}`);
        }
      });
    }
    expect(byName).toEqual([]);
  });
});
