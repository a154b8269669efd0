// Every word a page shows comes from its table. The Arabic words of a page in a wasm chunk
// travel with that chunk and are installed by its code (texts::Part, src/lazy.rs); a word of
// a part that was not installed reads as U+2063 (texts::NOT_INSTALLED), invisible on screen.
// The specs that check a page with axe check it for that mark too.
import { expect, type Page } from '@playwright/test';

const NOT_INSTALLED = '\u2063';

/** Fails when the page, its title or an attribute a screen reader reads holds a word whose
 *  table was never installed. */
export async function expectEveryWord(page: Page, what: string) {
  const found = await page.evaluate((mark) => {
    const attributes = ['aria-label', 'title', 'alt', 'placeholder', 'value'];
    const texts = [document.title, document.body.textContent ?? ''];
    for (const element of document.querySelectorAll('*')) {
      for (const name of attributes) texts.push(element.getAttribute(name) ?? '');
    }
    return texts
      .filter((text) => text.includes(mark))
      .map((text) => {
        const at = text.indexOf(mark);
        return text.slice(Math.max(0, at - 40), at + 40);
      });
  }, NOT_INSTALLED);
  expect(found, `${what}: a word whose table was not installed (texts::Part)`).toEqual([]);
}
