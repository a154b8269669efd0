// The service worker: the template scripts/prerender fills into dist/sw.js (it is not copied as
// it stands). It keeps one version of the app (every file of one build) so that the public
// pages and the pre-check work without a network, and it never touches what is personal:
// `/api/` passes straight through, and no answer from the network is ever stored (only the
// build's own files, fetched at install, are).
//
// Pages: the network first, so a visit online always gets the newest app; without a network,
// the page prerendered for that path, or the shell (which then says it is offline).
// The build's files: from the cache, so a page loads without waiting for the network.
// A new version waits until the person chooses to reload (public/boot.js asks with
// 'skip-waiting'); the app says so politely, and nothing reloads on its own.

const VERSION = '__VERSION__';
// Every file of the build, as URL paths.
const PRECACHE = __PRECACHE__;
// The prerendered file of each public page, by path.
const PAGES = __PAGES__;
// The app shell, for every other page (it shows the app's own offline notice).
const SHELL = '__SHELL__';
const CACHE = `portal-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    Promise.all([
      caches.keys().then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)))),
      // Lets the page's request start while the worker wakes up.
      self.registration.navigationPreload ? self.registration.navigationPreload.enable() : null,
    ]),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    self.skipWaiting();
  } else if (event.data && typeof event.data.precaches === 'string' && event.ports[0]) {
    // "Is this page's app the one you hold?" (then the page needs no reload).
    event.ports[0].postMessage(PRECACHE.includes(event.data.precaches));
  }
});

const cached = (path) => caches.open(CACHE).then((cache) => cache.match(path));

const page = async (event, url) => {
  try {
    const preloaded = await event.preloadResponse;
    return preloaded || (await fetch(event.request));
  } catch {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    return (await cached(PAGES[path] || SHELL)) || Response.error();
  }
};

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(cached(url.pathname).then((hit) => hit || fetch(request)));
  }
});
