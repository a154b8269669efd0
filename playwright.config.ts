// End-to-end tests: Debian's Chromium against the real server, started fresh on a free
// loopback port (scripts/test sets E2E_PORT and E2E_SERVER) with a new SQLite database.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 8090);
const server = process.env.E2E_SERVER ?? 'target/debug/server';
const staticDir = process.env.E2E_STATIC_DIR ?? 'dist';
// Workers re-read this file: keep the folder stable across them through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'portal-e2e-'));
const database = `sqlite:${join(process.env.E2E_DATA_DIR, 'portal.db')}`;
// scripts/cluster runs the suite through its own load balancer: no server of ours then.
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    locale: 'ar-SA',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: external ? undefined : {
    command: `${server} --demo --addr 127.0.0.1:${port} --static-dir ${staticDir} --database-url ${database}`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
