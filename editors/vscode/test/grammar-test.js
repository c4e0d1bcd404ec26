// Tests the TextMate grammar against the language's own lexer.
//
//   node test/grammar-test.js EXPECTATIONS.json   (what TextMateGrammarTest in the Java suite runs)
//   node test/grammar-test.js                     (coverage only: every example and stdlib file)
//
// EXPECTATIONS.json, written by the Java test from the ANTLR lexer, lists for each file the
// keywords, numbers, strings, comments and kets the lexer finds (and the names after `fn`): [line, startColumn, endColumn, kind]
// (0-based, UTF-16 columns). Every character of those tokens must get the matching scope, and
// every non-blank character of the file must get some scope besides the file's own.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'beable.tmLanguage.json');
const ROOT = path.join(__dirname, '..', '..', '..');

const EXPECTED_SCOPE = {
  keyword: /^(keyword\.|storage\.type|constant\.language)/,
  number: /^constant\.numeric/,
  string: /^(string\.quoted|punctuation\.definition\.string)/,
  comment: /^comment\.line/,
  ket: /^constant\.other\.(ket|bra)/,
  function: /^entity\.name\.function/,
};

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.beable' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  return registry.loadGrammar('source.beable');
}

/** For each line, for each UTF-16 column, the innermost scope ('' when only the file's own scope applies). */
function scopesOf(grammar, text) {
  const lines = text.split(/\r?\n/);
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const perChar = new Array(line.length).fill('');
    for (const token of result.tokens) {
      const innermost = token.scopes.length > 1 ? token.scopes[token.scopes.length - 1] : '';
      for (let c = token.startIndex; c < Math.min(token.endIndex, line.length); c++) perChar[c] = innermost;
    }
    return { line, perChar };
  });
}

function filesWithoutExpectations() {
  const out = [];
  for (const folder of ['examples', 'stdlib']) {
    for (const name of fs.readdirSync(path.join(ROOT, folder)).sort()) {
      if (name.endsWith('.beable')) out.push({ path: path.join(ROOT, folder, name), tokens: [] });
    }
  }
  return out;
}

async function main() {
  const grammar = await loadGrammar();
  const files = process.argv[2] ? JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).files : filesWithoutExpectations();
  const failures = [];
  let characters = 0;
  let tokens = 0;
  for (const file of files) {
    const text = fs.readFileSync(file.path, 'utf8');
    const lines = scopesOf(grammar, text);
    lines.forEach(({ line, perChar }, l) => {
      for (let c = 0; c < line.length; c++) {
        if (/\s/.test(line[c])) continue;
        characters++;
        if (perChar[c] === '') failures.push(`${file.path}:${l + 1}:${c + 1}: '${line[c]}' has no scope`);
      }
    });
    for (const [l, start, end, kind] of file.tokens) {
      tokens++;
      const { line, perChar } = lines[l];
      for (let c = start; c < end; c++) {
        if (!EXPECTED_SCOPE[kind].test(perChar[c])) {
          failures.push(`${file.path}:${l + 1}:${c + 1}: the lexer reads ${kind} '${line.substring(start, end)}', the grammar says '${perChar[c] || '(none)'}'`);
          break;
        }
      }
    }
  }
  if (failures.length > 0) {
    console.log(failures.slice(0, 40).join('\n'));
    console.log(`${failures.length} disagreements`);
    process.exit(1);
  }
  console.log(`ok: ${files.length} files, ${characters} characters scoped, ${tokens} lexer tokens agree`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
