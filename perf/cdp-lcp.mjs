// Chromium's own Largest Contentful Paint under Lighthouse's mobile conditions, emulated
// through the DevTools protocol rather than simulated: slow 4G (Lighthouse's mobileSlow4G:
// 150 ms RTT, 1.6 Mbps down, 750 kbps up, with the adjustments its devtools throttling
// applies: latency x3.75, throughput x0.9) and a CPU 4x slower, on a phone-sized screen with
// an empty cache. Prints one JSON line per page: {"path", "lcp_ms": [every run]}.
//   node perf/cdp-lcp.mjs http://127.0.0.1:8080 / /check ...   (LCP_RUNS=3 by default)
import { chromium } from '@playwright/test';

const [base, ...paths] = process.argv.slice(2);
const runs = Number(process.env.LCP_RUNS ?? 3);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
});
try {
  for (const path of paths) {
    const lcp_ms = [];
    for (let run = 0; run < runs; run += 1) {
      // Lighthouse's mobile screen (a Moto G Power).
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
        locale: 'ar-SA',
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150 * 3.75,
        downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
        uploadThroughput: (750 * 0.9 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(base + path, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
      lcp_ms.push(await page.evaluate(() => new Promise((resolve) => {
        let last = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(Math.round(last)), 300);
      })));
      await context.close();
    }
    console.log(JSON.stringify({ path, lcp_ms }));
  }
} finally {
  await browser.close();
}
