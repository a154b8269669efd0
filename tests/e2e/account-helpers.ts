// Shared steps of the account specs: log in by the labels a person reads, with the code
// from the demo SMS outbox (GET /api/v1/dev/sms-outbox, demo mode only).
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'Demo@2026';

export const WORDS = {
  ar: {
    id: 'رقم الهوية', password: 'كلمة المرور', login: 'تسجيل الدخول', code: 'رمز التحقق',
    verify: 'التحقق', verifyHeading: 'أدخل رمز التحقق', account: 'حسابي',
  },
  en: {
    id: 'National ID', password: 'Password', login: 'Log in', code: 'Verification code',
    verify: 'Verify', verifyHeading: 'Enter the verification code', account: 'My account',
  },
};
export type Lang = keyof typeof WORDS;

type Sms = { national_id: string; code: string };

/** Every code sent to `nationalId` so far. */
export async function codes(page: Page, nationalId: string): Promise<string[]> {
  const response = await page.request.get('/api/v1/dev/sms-outbox');
  expect(response.ok()).toBeTruthy();
  const messages = (await response.json()) as Sms[];
  return messages.filter((m) => m.national_id === nationalId).map((m) => m.code);
}

/** The code sent after `before` codes had been sent. */
export async function newCode(page: Page, nationalId: string, before: number): Promise<string> {
  let found: string[] = [];
  await expect
    .poll(async () => {
      found = await codes(page, nationalId);
      return found.length;
    })
    .toBeGreaterThan(before);
  return found[found.length - 1];
}

/** Sets the language before the app starts. */
export async function useLanguage(page: Page, lang: Lang) {
  await page.addInitScript((lang) => localStorage.setItem('portal.lang', lang), lang);
}

/** Fills the login page (already open) and the code page; ends wherever `next` leads. */
export async function logInHere(page: Page, nationalId: string, lang: Lang = 'ar') {
  const w = WORDS[lang];
  const before = (await codes(page, nationalId)).length;
  await page.getByLabel(w.id, { exact: true }).fill(nationalId);
  await page.getByLabel(w.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: w.login, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.verifyHeading })).toBeVisible();
  const code = await newCode(page, nationalId.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))), before);
  await page.getByLabel(w.code, { exact: true }).fill(code);
  await page.getByRole('button', { name: w.verify, exact: true }).click();
}

/** Opens /login and logs in; ends on the account home. */
export async function logIn(page: Page, nationalId: string, lang: Lang = 'ar') {
  await page.goto('/login');
  await logInHere(page, nationalId, lang);
  await expect(page.getByRole('heading', { level: 1, name: WORDS[lang].account })).toBeVisible();
}

/**
 * GET an API path from inside the page, as the app does. Playwright's own request context
 * does not send the `Secure` session cookie over http://127.0.0.1 (Chromium does: loopback is
 * a secure context), so account data is read through the page's `fetch`.
 */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const answer = await page.evaluate(async (path) => {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    return { status: response.status, body: await response.text() };
  }, path);
  expect(answer.status, `${path}: ${answer.body}`).toBe(200);
  return JSON.parse(answer.body) as T;
}

/** `days` days ago in the Umm al-Qura calendar, as the browser counts it: [day, month, year]. */
export function hijriDaysAgo(days: number): [string, string, string] {
  const day = new Date(Date.now() - days * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Asia/Riyadh',
  }).formatToParts(day);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return [part('day'), part('month'), part('year').replace(/\D/g, '')];
}
