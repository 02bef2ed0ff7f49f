// Every regular expression in src/, found by parsing the TypeScript (not by grepping), so the
// linear-time test cannot miss one: regex literals, and `new RegExp(...)` / `RegExp(...)` whose
// arguments are folded from string constants in the same file. A constructor call whose pattern
// cannot be folded is reported as such, and the test fails on it rather than skipping it.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const SRC = resolve(__dirname, '../../src');

export interface FoundRegex {
  /** `core/to-markdown.ts:63` */
  where: string;
  source: string;
  flags: string;
}

export interface Unfoldable {
  where: string;
  text: string;
}

export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

class CannotFold extends Error {}

/** The string value of an expression built only from literals and same-file constants. */
function fold(expr: ts.Expression, consts: Map<string, ts.Expression>, seen: Set<string> = new Set()): string {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isParenthesizedExpression(expr)) return fold(expr.expression, consts, seen);
  if (ts.isTemplateExpression(expr)) {
    return expr.head.text + expr.templateSpans.map((s) => fold(s.expression, consts, seen) + s.literal.text).join('');
  }
  if (ts.isTaggedTemplateExpression(expr) && expr.tag.getText() === 'String.raw') {
    const t = expr.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText ?? t.text;
    return (t.head.rawText ?? t.head.text) + t.templateSpans.map((s) => fold(s.expression, consts, seen) + (s.literal.rawText ?? s.literal.text)).join('');
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return fold(expr.left, consts, seen) + fold(expr.right, consts, seen);
  }
  if (ts.isIdentifier(expr)) {
    const init = consts.get(expr.text);
    if (!init || seen.has(expr.text)) throw new CannotFold(expr.text);
    return fold(init, consts, new Set([...seen, expr.text]));
  }
  // `/x/.source`, `LIST.join('|')` of a literal array of strings.
  if (ts.isPropertyAccessExpression(expr) && expr.name.text === 'source') {
    const target = ts.isIdentifier(expr.expression) ? consts.get(expr.expression.text) : expr.expression;
    if (target && ts.isRegularExpressionLiteral(target)) return splitLiteral(target.text).source;
  }
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'join') {
    const target = ts.isIdentifier(expr.expression.expression) ? consts.get(expr.expression.expression.text) : expr.expression.expression;
    const list = target && ts.isAsExpression(target) ? target.expression : target;
    if (list && ts.isArrayLiteralExpression(list)) {
      const sep = expr.arguments[0] ? fold(expr.arguments[0], consts, seen) : ',';
      return list.elements.map((e) => fold(e, consts, seen)).join(sep);
    }
  }
  throw new CannotFold(expr.getText());
}

function splitLiteral(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

export function findRegexes(files = sourceFiles()): { found: FoundRegex[]; unfoldable: Unfoldable[] } {
  const found: FoundRegex[] = [];
  const unfoldable: Unfoldable[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const consts = new Map<string, ts.Expression>();
    const collect = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer
        && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const)) {
        consts.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, collect);
    };
    collect(sf);
    const where = (node: ts.Node) => `${relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        found.push({ where: where(node), ...splitLiteral(node.getText()) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        try {
          if (!pattern) throw new CannotFold('no pattern');
          found.push({ where: where(node), source: fold(pattern, consts), flags: flags ? fold(flags, consts) : '' });
        } catch (e) {
          if (!(e instanceof CannotFold)) throw e;
          unfoldable.push({ where: where(node), text: node.getText() });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, unfoldable };
}
