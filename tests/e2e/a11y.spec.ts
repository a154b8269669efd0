// axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every public page and every form state, in both
// languages and in high contrast. No rule is disabled.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectEveryWord } from './words';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// A finished pre-check, so the answers and result pages can be opened directly.
const ANSWERS = JSON.stringify({
  kind: 'independent',
  birth: { calendar: 'Hijri', day: '15', month: '9', year: '1410' },
  nationality: 'saudi',
  resident: true,
  detained: false,
  bank_account: false,
  housing_proof: true,
  dependents: [{ relation: 'child', birth: { calendar: 'Gregorian', day: '1', month: '1', year: '2015' }, nationality: 'non_saudi' }],
  dependents_done: true,
});

type State = { path: string; heading: RegExp; act?: (page: Page) => Promise<void> };

const STATES: State[] = [
  { path: '/', heading: /حساب المواطن|Citizen Account/ },
  { path: '/check', heading: /تحقق من الأهلية|Check eligibility/ },
  { path: '/check/applicant', heading: /رب أسرة|head of household/ },
  { path: '/check/birth-date', heading: /تاريخ ميلادك|date of birth/ },
  { path: '/check/dependents', heading: /التابعون|Dependents/ },
  {
    path: '/check/dependents',
    heading: /التابعون|Dependents/,
    act: async (page) => {
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.error-summary')).toBeFocused();
    },
  },
  {
    path: '/check/add-dependent',
    heading: /إضافة تابع|Add a dependent/,
    act: async (page) => {
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.error-summary')).toBeFocused();
    },
  },
  { path: '/check/answers', heading: /راجع إجاباتك|Check your answers/ },
  { path: '/check/result', heading: /النتيجة المبدئية|Provisional result/ },
  {
    path: '/estimate',
    heading: /احسب الدعم التقديري|Estimate your support/,
    act: async (page) => {
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.error-summary')).toBeFocused();
    },
  },
  {
    path: '/estimate',
    heading: /احسب الدعم التقديري|Estimate your support/,
    act: async (page) => {
      await page.locator('#estimate-kind').check();
      await page.locator('#estimate-adults').fill('1');
      await page.locator('#estimate-children').fill('3');
      await page.locator('#estimate-income').fill('9000');
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.chart svg')).toBeVisible();
    },
  },
  { path: '/contact', heading: /تواصل معنا|Contact us/ },
  { path: '/about', heading: /عن البرنامج|About the program/ },
  { path: '/login', heading: /تسجيل الدخول|Log in/ },
  { path: '/login/reset', heading: /استعادة كلمة المرور|Reset your password/ },
  { path: '/no-such-page', heading: /الصفحة غير موجودة|Page not found/ },
];

for (const lang of ['ar', 'en']) {
  for (const contrast of ['normal', 'high']) {
    test(`no axe violation on the public pages: ${lang}, ${contrast} contrast`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.addInitScript(
        ([lang, contrast, answers]) => {
          localStorage.setItem('portal.lang', lang);
          localStorage.setItem('portal.contrast', contrast);
          sessionStorage.setItem('portal.check', answers);
        },
        [lang, contrast, ANSWERS],
      );
      for (const state of STATES) {
        await page.goto(state.path);
        await expect(page.getByRole('heading', { level: 1, name: state.heading })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-contrast', contrast);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        if (state.act) await state.act(page);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const found = results.violations.map(
          (v) => `${state.path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(found, found.join('\n')).toEqual([]);
        await expectEveryWord(page, state.path);
      }
    });
  }
}
