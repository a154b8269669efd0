// The installable, offline app (issue #11). After one visit the public pages and the whole
// pre-check work without a network; a new version is announced politely and loads only when
// the person asks; no cache ever holds an /api/ answer or an account page. The prerendered
// pages are exactly what the app draws, so its takeover changes nothing on screen: no frame
// shows the skeleton, and what was typed, focused or pressed before it is kept.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn } from './account-helpers';
import { expectEveryWord } from './words';

const PUBLIC = ['/', '/check', '/estimate', '/contact', '/about'];
const PRERENDERED = [...PUBLIC, '/login'];
/** Where scripts/prerender writes each page. */
const fileOf = (path: string) => (path === '/' ? '/index.html' : `${path}/index.html`);

/** Waits until the wasm app has taken over the page (public/boot.js says so). */
async function started(page: Page) {
  await page.waitForFunction(() => (window as unknown as { portalStarted?: boolean }).portalStarted === true);
}

/** One visit, until the service worker holds the app. */
async function visitOnce(page: Page) {
  await page.goto('/');
  await started(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Every URL in every cache of the page's origin. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
}

/**
 * Serves the prerendered file for each of `paths` even where the server maps it to the shell,
 * so these checks hold whichever host serves the build. (Only for pages no worker controls.)
 */
async function servePrerendered(page: Page, ...paths: string[]) {
  await page.route(
    (url) => paths.includes(url.pathname),
    async (route) => {
      const file = new URL(fileOf(new URL(route.request().url()).pathname), route.request().url()).href;
      await route.fulfill({ response: await route.fetch({ url: file }) });
    },
  );
}

test('after one visit the public pages and the pre-check work offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  await visitOnce(page);
  await context.setOffline(true);

  for (const path of PUBLIC) {
    await page.goto(path);
    await started(page);
    await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveAttribute('href', path);
    await expect(page.locator('.offline-banner__text')).toBeVisible();
  }

  // The pre-check, start to result, with no network (the rules run in the browser).
  await page.goto('/check');
  await started(page);
  await page.locator('a[href="/check/applicant"]').click();
  await page.getByRole('radio', { name: 'رب أسرة' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ما تاريخ ميلادك؟' })).toBeVisible();
  // A reload in the middle of the flow still finds the app (the shell, from the cache).
  await page.reload();
  await started(page);
  await expect(page.getByRole('heading', { level: 1, name: 'ما تاريخ ميلادك؟' })).toBeVisible();
  await page.getByLabel('اليوم', { exact: true }).fill('١٥');
  await page.getByLabel('الشهر', { exact: true }).fill('٩');
  await page.getByLabel('السنة', { exact: true }).fill('١٤١٠');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('radio', { name: 'سعودي', exact: true }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('radio', { name: 'نعم' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('radio', { name: 'لا' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('radio', { name: 'نعم' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'التابعون' })).toBeVisible();
  await page.getByRole('radio', { name: 'لا' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'راجع إجاباتك' })).toBeVisible();
  await page.getByRole('button', { name: 'عرض النتيجة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^النتيجة المبدئية/ })).toBeVisible();
  await expect(page).toHaveURL(/\/check\/result$/);
  await context.setOffline(false);
});

test('a new version is announced politely and loads only when asked', async ({ page }) => {
  test.setTimeout(90_000);
  // This page runs "the older app": public/boot.js asks a new worker whether it holds the
  // page's own loader, and here it asks for another URL, so any new worker brings a version
  // the page does not have. (Changing the loader's URL itself would load a second copy of
  // the app's module, which its wasm chunks could not link to.)
  await page.addInitScript(() => {
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, message: unknown, ...rest: unknown[]) {
      const asked = message as { precaches?: string } | null;
      if (asked && typeof asked === 'object' && typeof asked.precaches === 'string') {
        message = { precaches: `${asked.precaches}?older` };
      }
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    } as typeof post;
  });
  await visitOnce(page);
  await page.reload();
  await started(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?next=1', { updateViaCache: 'none' }));
  const notice = page.locator('.update-notice');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('يتوفر إصدار جديد من البوابة.');
  const reload = notice.getByRole('button', { name: 'تحديث الصفحة' });
  await expect(reload).toBeVisible();
  // Polite: no dialog, focus where it was, and no reload until asked.
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  // The new worker controls the reloaded page.
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toContain('/sw.js?next=1');
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
  await started(page);
});

test('a page that already runs the new version is not asked to reload', async ({ page }) => {
  await visitOnce(page);
  await page.reload();
  await started(page);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const controlled = page.evaluate(
    () => new Promise<string>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () =>
        resolve(navigator.serviceWorker.controller?.scriptURL ?? ''))),
  );
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?same=1', { updateViaCache: 'none' }));
  expect(await controlled).toContain('/sw.js?same=1');
  await expect(page.locator('.update-notice .notice')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
});

test('no cache holds an /api/ answer or an account page', async ({ page }) => {
  test.setTimeout(90_000);
  await visitOnce(page);
  await logIn(page, '1000000073');
  for (const path of ['/account/eligibility', '/account/payments', '/account/objections', '/account']) {
    await page.goto(path);
    await started(page);
    await expect(page.locator('h1')).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
  const urls = await cachedUrls(page);
  expect(urls.length).toBeGreaterThan(0);
  const personal = urls.filter((url) => /^\/(api|account)(\/|$)/.test(new URL(url).pathname));
  expect(personal).toEqual([]);
});

for (const path of PRERENDERED) {
  test(`the app takes over the prerendered ${path} without changing it`, async ({ page }) => {
    await servePrerendered(page, path);
    await page.addInitScript(() => {
      const w = window as unknown as { frames_: string[]; before?: string; after?: string };
      w.frames_ = [];
      // The markup the moment the app has taken over (later answers, such as the footer's
      // line from GET /instance, fill in on their own and are no part of the takeover).
      let started = false;
      Object.defineProperty(window, 'portalStarted', {
        get: () => started,
        set: (value) => {
          w.after = document.getElementById('app')!.innerHTML;
          started = value;
        },
      });
      const tick = () => {
        const app = document.getElementById('app');
        if (app) {
          w.before ??= app.innerHTML;
          w.frames_.push(app.querySelector('.skeleton') ? 'skeleton' : app.childElementCount === 0 ? 'empty' : 'page');
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(path);
    await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
    await started(page);
    await page.waitForTimeout(300);
    const { before, after, frames } = await page.evaluate(() => {
      const w = window as unknown as { frames_: string[]; before: string; after: string };
      return { before: w.before, after: w.after, frames: w.frames_ };
    });
    expect(frames.filter((frame) => frame !== 'page')).toEqual([]);
    expect(after).toBe(before);
  });
}

test('what is typed and pressed before the app takes over is kept', async ({ page }) => {
  await servePrerendered(page, '/login');
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/login');
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  await page.locator('#national-id').fill('1000000073');
  await page.locator('#app button[type="submit"]').click();
  expect(await page.evaluate(() => (window as unknown as { portalStarted?: boolean }).portalStarted)).toBeUndefined();
  release();
  await started(page);
  // The press went through once the app was there: only the password is missing.
  const summary = page.locator('.error-summary').first();
  await expect(summary).toBeFocused();
  await expect(summary.locator('a[href="#password"]')).toHaveCount(1);
  await expect(summary.locator('a[href="#national-id"]')).toHaveCount(0);
  await expect(page.locator('#national-id')).toHaveValue('1000000073');
});

test('focus and scroll stay where they were across the takeover', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 480 });
  await servePrerendered(page, '/about');
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  // Where things are the moment the app has taken over (the footer's line from
  // GET /instance may fill in later, and the browser's scroll anchoring then keeps the view).
  await page.addInitScript(() => {
    let started = false;
    Object.defineProperty(window, 'portalStarted', {
      get: () => started,
      set: (value) => {
        const link = document.querySelector('#main a[href="/check"]');
        (window as unknown as { atTakeover: unknown }).atTakeover = {
          scrollY: window.scrollY,
          focused: link !== null && document.activeElement === link,
        };
        started = value;
      },
    });
  });
  await page.goto('/about');
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  // Focus without the browser's own scroll to the link, then a scroll of our own, and the
  // frames for both to be over before the app arrives.
  await page.evaluate(() => document.querySelector<HTMLElement>('#main a[href="/check"]')!.focus({ preventScroll: true }));
  await page.evaluate(() => window.scrollTo(0, 400));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  release();
  await started(page);
  expect(await page.evaluate(() => (window as unknown as { atTakeover: unknown }).atTakeover)).toEqual({
    scrollY: scrolled,
    focused: true,
  });
  await expect(page.locator('#main a[href="/check"]')).toBeFocused();
});

test('a reader who chose English gets English after the takeover', async ({ page }) => {
  await servePrerendered(page, '/check');
  await page.addInitScript(() => localStorage.setItem('portal.lang', 'en'));
  await page.goto('/check');
  await started(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('h1')).not.toHaveText(/[\u0600-\u06FF]/);
});

test('the prerendered pages have no axe violation before the app starts', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await servePrerendered(page, ...PRERENDERED);
  for (const path of PRERENDERED) {
    await page.goto(path);
    await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const found = results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, found.join('\n')).toEqual([]);
    await expectEveryWord(page, path);
  }
});
