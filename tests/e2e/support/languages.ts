// The English catalogue as a detector of English left on screen: the page's visible text and its
// labels (aria-label, title, placeholder) must not contain an English sentence of the app, unless the
// language in use says it the same way (a brand name, "IBAN").
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

/** English words that are also names the engine shows as they are (the card brand "visa"). */
const ALSO_A_NAME = new Set(['visa']);

const catalogue = (lng: string) =>
  flatten(JSON.parse(readFileSync(`src/app/i18n/locales/${lng}.json`, 'utf8')) as Tree);

/** The literal pieces of the English sentences the language `lng` does not share, as word-bounded patterns. */
export function englishOnlyPatterns(lng: string): { key: string; piece: string; re: RegExp }[] {
  const target = new Set(catalogue(lng).values());
  const out: { key: string; piece: string; re: RegExp }[] = [];
  for (const [key, value] of catalogue('en')) {
    if (target.has(value)) continue;
    for (const raw of value.split(/\{\{[^}]*\}\}/)) {
      const piece = raw.trim();
      // Pieces with a word of 4+ letters: "of" or "(" alone say nothing about the language.
      if (!/[A-Za-z]{4}/.test(piece) || ALSO_A_NAME.has(piece)) continue;
      if ([...target].some((t) => t.includes(piece))) continue;
      const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out.push({ key, piece, re: new RegExp(`(^|[^A-Za-z])${escaped}($|[^A-Za-z])`) });
    }
  }
  return out;
}

/** Everything a user sees or hears on the page: the rendered text and the labels of elements. */
export function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll(
      '[aria-label], [title], [placeholder], [aria-roledescription]',
    ))
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    return parts.join('\n');
  });
}

/** The English sentences (catalogue key and piece) still on screen in language `lng`. */
export async function englishLeft(page: Page, lng: string): Promise<string[]> {
  const text = await screenText(page);
  return englishOnlyPatterns(lng)
    .filter((p) => p.re.test(text))
    .map((p) => `${p.key}: "${p.piece}"`);
}
