// The next payment on the account home (issue #13): its day by the shared payment rule (the
// 10th; a Friday 10th is paid on Thursday the 9th, a Saturday 10th on Sunday the 11th), the
// days until it in Arabic number agreement, the Gregorian date first and the Hijri date with
// it, and the amount the latest assessment expects; then axe on the home in both languages.
// Demo account 2000000006 (a mobility-card holder, 720 SAR) signs in once here and once in
// account-a11y.spec.ts, well inside the five SMS codes an account may get in an hour.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiGet, logIn } from './account-helpers';
import { expectEveryWord } from './words';

const ID = '2000000006';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const WEEKDAYS = {
  ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** The payment day of a month, written here from domain.md rather than taken from the app. */
function paymentDay(year: number, month: number): Date {
  const tenth = new Date(Date.UTC(year, month - 1, 10));
  const shift = tenth.getUTCDay() === 5 ? -1 : tenth.getUTCDay() === 6 ? 1 : 0;
  return new Date(Date.UTC(year, month - 1, 10 + shift));
}

/** The next payment seen on `today` (UTC midnight of the device's date): number, day, days. */
function nextPayment(today: Date) {
  let year = today.getUTCFullYear();
  let month = today.getUTCMonth() + 1;
  let day = paymentDay(year, month);
  if (day < today) {
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    day = paymentDay(year, month);
  }
  return {
    number: (year - 2017) * 12 + month - 11,
    day,
    days: Math.round((day.getTime() - today.getTime()) / 86_400_000),
  };
}

/** Arabic: today, tomorrow, then يومان / 3 أيام / 11 يوماً. */
function daysSentence(lang: 'ar' | 'en', n: number, digits: string): string {
  if (lang === 'en') return n === 0 ? 'Paid today' : n === 1 ? 'Paid tomorrow' : `${digits} days to go`;
  if (n === 0) return 'تُصرف اليوم';
  if (n === 1) return 'تُصرف غداً';
  if (n === 2) return 'تبقّى على صرفها يومان';
  if (n % 100 >= 3 && n % 100 <= 10) return `تبقّى على صرفها ${digits} أيام`;
  if (n % 100 >= 11) return `تبقّى على صرفها ${digits} يوماً`;
  return `تبقّى على صرفها ${digits} يوم`;
}

/** The words the card should hold, formatted by this browser's Intl as the app does. */
async function expected(page: Page, lang: 'ar' | 'en', riyals: number) {
  const device = await page.evaluate(() => {
    const now = new Date();
    return [now.getFullYear(), now.getMonth(), now.getDate()];
  });
  const today = new Date(Date.UTC(device[0], device[1], device[2]));
  const next = nextPayment(today);
  const formatted = await page.evaluate(
    ({ lang, instant, number, days, riyals }) => {
      const [gregorian, hijri, numbers] =
        lang === 'ar'
          ? ['ar-SA-u-ca-gregory-nu-latn', 'ar-SA-u-ca-islamic-umalqura-nu-latn', 'ar-SA-u-nu-latn']
          : ['en-GB-u-ca-gregory', 'en-GB-u-ca-islamic-umalqura', 'en-GB'];
      const options = { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' } as const;
      const at = new Date(instant + 12 * 3_600_000);
      return {
        gregorian: new Intl.DateTimeFormat(gregorian, options).format(at),
        hijri: new Intl.DateTimeFormat(hijri, options).format(at),
        number: new Intl.NumberFormat(numbers).format(number),
        days: new Intl.NumberFormat(numbers).format(days),
        // Western digits and «ر.س» / "SAR" after the number (ARCHITECTURE.md, "Digits").
        amount: `${new Intl.NumberFormat(numbers).format(riyals)}\u00a0${lang === 'ar' ? 'ر.س' : 'SAR'}`,
      };
    },
    { lang, instant: next.day.getTime(), number: next.number, days: next.days, riyals },
  );
  const weekday = WEEKDAYS[lang][next.day.getUTCDay()];
  const why = {
    ar: ['يوافق اليوم العاشر يوم جمعة، فيُقدَّم الصرف يوماً واحداً إلى الخميس 9.', 'يُصرف الدعم في اليوم العاشر من كل شهر ميلادي.', 'يوافق اليوم العاشر يوم سبت، فيُؤخَّر الصرف يوماً واحداً إلى الأحد 11.'],
    en: ['The 10th falls on a Friday, so the payment is made a day early, on Thursday the 9th.', 'Support is paid on the 10th of each Gregorian month.', 'The 10th falls on a Saturday, so the payment is made a day later, on Sunday the 11th.'],
  }[lang][next.day.getUTCDate() - 9];
  return {
    title: lang === 'ar' ? 'الدفعة القادمة' : 'Next payment',
    number: lang === 'ar' ? `الدفعة ${formatted.number}` : `Payment ${formatted.number}`,
    on: lang === 'ar' ? `موعد الصرف: ${weekday} ${formatted.gregorian}` : `Payment date: ${weekday} ${formatted.gregorian}`,
    hijri: formatted.hijri,
    days: daysSentence(lang, next.days, formatted.days),
    amount: formatted.amount,
    why,
  };
}

async function checkCard(page: Page, lang: 'ar' | 'en', riyals: number) {
  const words = await expected(page, lang, riyals);
  const card = page.getByRole('region', { name: words.title });
  await expect(card.getByRole('heading', { level: 2, name: words.title })).toBeVisible();
  await expect(card.getByText(words.number, { exact: true })).toBeVisible();
  // Gregorian first, the Hijri date with it.
  const lines = card.locator('p');
  await expect(lines.nth(1)).toHaveText(words.on);
  await expect(lines.nth(2)).toHaveText(words.hijri);
  await expect(card.getByText(words.days, { exact: true })).toBeVisible();
  await expect(card.getByText(words.why, { exact: true })).toBeVisible();
  await expect(card.getByText(words.amount, { exact: true })).toBeVisible();
}

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
  await expectEveryWord(page, what);
}

test('the account home shows the next payment: day, days until it, expected amount', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, ID);
  // The expected amount is the latest assessment's, as the server stored it.
  const eligibility = await apiGet<{ eligible: boolean; monthly_support?: number }>(page, '/api/v1/eligibility');
  expect(eligibility.eligible).toBe(true);
  expect(eligibility.monthly_support).toBe(720);

  await checkCard(page, 'ar', 720);
  await expect(page.locator('.card .tag').first()).toBeVisible();
  await noViolations(page, 'account home (Arabic)');

  await page.getByRole('button', { name: 'Switch the site to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkCard(page, 'en', 720);
  await noViolations(page, 'account home (English)');
});

// Umm al-Qura tables disagree by a day on many months before 1420 AH (shared/domain.md): an ID
// card may say 30 Safar 1400, a day our table (and the browser's) lacks. The pre-check accepts
// it as 1 Rabi al-Awwal 1400 and says so in a polite live region, not as an error.
test('a recorded 30th of a 29-day Hijri month is accepted, with a note', async ({ page }) => {
  await page.goto('/check');
  await page.getByRole('link', { name: 'بدء التحقق' }).click();
  await page.getByRole('radio', { name: 'رب أسرة' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ما تاريخ ميلادك؟' })).toBeVisible();
  // The live region is there, empty, before the note appears, so that it is announced.
  await expect(page.locator('.date-field__note')).toHaveText('');
  await page.getByLabel('اليوم', { exact: true }).fill('٣٠');
  await page.getByLabel('الشهر', { exact: true }).fill('٢');
  await page.getByLabel('السنة', { exact: true }).fill('١٤٠٠');
  await expect(page.locator('.date-field__note')).toContainText('لا يلزمك تعديل التاريخ');
  await expect(page.locator('.date-field__note')).toContainText('1 ربيع الأول 1400');
  await expect(page.locator('.date-field__note')).toHaveAttribute('role', 'status');
  await expect(page.getByText(/^يوافق .*19 يناير 1980/)).toBeVisible();
  await noViolations(page, 'birth date with the note');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ما جنسيتك؟' })).toBeVisible();

  // Any other day that does not exist is still refused.
  await page.goBack();
  await page.getByLabel('اليوم', { exact: true }).fill('٣١');
  await expect(page.locator('.date-field__note')).toHaveText('');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
});
