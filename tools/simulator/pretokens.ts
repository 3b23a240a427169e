import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// firmware.min.js is pretokenised (level 1): keywords and operators are single bytes from 138 on. The table is
// read from the espruino tools that wrote it rather than copied, so both always agree.
const LEX_OPERATOR_START = 138;

function loadTokens(): string[] {
  const path = createRequire(import.meta.url).resolve('espruino/plugins/pretokenise.js');
  const source = readFileSync(path, 'utf8');
  const table = /var TOKENS\s*=\s*\[([\s\S]*?)\];/.exec(source);
  if (table === null) throw new Error('pretokenise.js: token table not found');
  return [...table[1]!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

let tokens: string[] | undefined;

/** Pretokenised bytes (read as latin1) back to source text; plain text passes through unchanged. */
export function untokenise(code: string): string {
  tokens ??= loadTokens();
  const word = /[A-Za-z0-9_$]/;
  let out = '';
  let lastToken = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code.charCodeAt(i);
    const token = ch >= LEX_OPERATOR_START && ch < LEX_OPERATOR_START + tokens.length ? tokens[ch - LEX_OPERATOR_START]! : undefined;
    const text = token ?? code[i]!;
    // A space only where two words would otherwise run together.
    if ((token !== undefined || lastToken) && word.test(out.slice(-1)) && word.test(text[0]!)) out += ' ';
    out += text;
    lastToken = token !== undefined;
  }
  return out;
}
