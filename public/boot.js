// Starts the app, registers the service worker and carries its "new version" news to the app.
// A file, not an inline script: the CSP allows no inline code (index.html loads it `defer`).
//
// A prerendered page (`#app[data-prerendered]`, written by scripts/prerender) is already what
// the app draws in Arabic, so the wasm is fetched only after that page has painted: nothing
// competes with it for the first paint. Until the app takes over, what the person does to the
// static page is kept: typed values, focus and scroll are put back, and a button pressed (or a
// form sent) meanwhile is pressed again once the app can answer it. The skeleton shell, and
// a reader who chose English, start the app at once.
(() => {
  const html = document.documentElement;
  const app = document.getElementById('app');
  const meta = document.querySelector('meta[name="portal-app"]');
  const [jsUrl, wasmUrl] = meta ? meta.content.split(' ') : [];
  const prerendered = Boolean(app && app.hasAttribute('data-prerendered'));

  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  // The display preferences before the first paint, as the app sets them
  // (src/components/accessibility_tools.rs: SCALES, indexed by step + 1).
  const scale = ['0.875', '1', '1.125', '1.25', '1.5', '1.75'][Number(stored('portal.text-size') || 0) + 1];
  if (scale && scale !== '1') html.style.setProperty('--text-scale', scale);
  if (stored('portal.contrast') === 'high') html.setAttribute('data-contrast', 'high');

  // Where an element sits under #app, by element indexes: the app draws the same tree.
  const pathOf = (element) => {
    const path = [];
    for (let node = element; node !== app; node = node.parentElement) {
      if (!node || !node.parentElement) return null;
      path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    }
    return path;
  };
  const at = (path) => path && path.reduce((node, index) => node && node.children[index], app);

  const typed = new Map();
  let focused = null;
  let pending = null;
  let scroll = [scrollX, scrollY];
  const listeners = {
    input: (event) => {
      const path = pathOf(event.target);
      if (path && 'value' in event.target) {
        typed.set(path.join('/'), { path, value: event.target.value, checked: event.target.checked });
      }
    },
    focusin: (event) => {
      focused = pathOf(event.target);
    },
    click: (event) => {
      const button = event.target.closest && event.target.closest('button, input[type="submit"]');
      if (button && app.contains(button)) {
        event.preventDefault();
        pending = { path: pathOf(button), submit: false };
      }
    },
    submit: (event) => {
      event.preventDefault();
      pending = pending || { path: pathOf(event.target), submit: true };
    },
    scroll: () => {
      scroll = [scrollX, scrollY];
    },
  };
  if (prerendered) {
    if (document.activeElement && app.contains(document.activeElement)) {
      focused = pathOf(document.activeElement);
    }
    listeners.change = listeners.input;
    for (const [name, listener] of Object.entries(listeners)) {
      document.addEventListener(name, listener, { capture: true, passive: name === 'scroll' });
    }
  }

  // Runs in the same task as the app's mount, so no frame shows the page in between.
  const takeOver = () => {
    for (const [name, listener] of Object.entries(listeners)) {
      document.removeEventListener(name, listener, { capture: true });
    }
    for (const { path, value, checked } of typed.values()) {
      const field = at(path);
      if (!field || !('value' in field)) continue;
      if (field.type === 'checkbox' || field.type === 'radio') {
        if (field.checked !== checked) {
          field.checked = checked;
          field.dispatchEvent(new Event('change', { bubbles: true }));
        }
      } else if (field.value !== value) {
        field.value = value;
        field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      }
    }
    const focus = at(focused);
    if (focus && focus !== document.activeElement && focus.focus) focus.focus({ preventScroll: true });
    if (scrollX !== scroll[0] || scrollY !== scroll[1]) scrollTo(scroll[0], scroll[1]);
    const target = pending && at(pending.path);
    if (target && pending.submit && target.requestSubmit) target.requestSubmit();
    else if (target && !pending.submit && target.click) target.click();
    window.portalStarted = true;
    registerWorker();
  };

  const start = () => {
    if (!jsUrl) return;
    import(jsUrl)
      .then((bindings) => bindings.default({ module_or_path: wasmUrl }))
      // A page whose code is a separate chunk mounts once that chunk is there (src/lazy.rs).
      .then(() => window.portalMounting)
      .then(takeOver);
  };

  // The service worker: offline pages and the news of a new version (public/sw.js).
  let reloadWhenControlled = false;
  const announce = (worker) => {
    // A page fetched from the network may already be the new version: then the new worker
    // can take over quietly. Otherwise the app offers the reload (src/components/update_notice.rs).
    const answer = new MessageChannel();
    answer.port1.onmessage = (event) => {
      if (event.data === true) {
        worker.postMessage('skip-waiting');
      } else {
        window.portalUpdate = worker;
        dispatchEvent(new Event('portal-update-ready'));
      }
    };
    worker.postMessage({ precaches: jsUrl }, [answer.port2]);
  };
  const registerWorker = () => {
    if (!('serviceWorker' in navigator) || !jsUrl) return;
    const workers = navigator.serviceWorker;
    workers.addEventListener('controllerchange', () => {
      if (reloadWhenControlled) location.reload();
    });
    addEventListener('portal-update-apply', () => {
      if (!window.portalUpdate) return;
      reloadWhenControlled = true;
      window.portalUpdate.postMessage('skip-waiting');
    });
    workers
      .register('/sw.js', { updateViaCache: 'none' })
      .then((registration) => {
        const watch = (worker) => {
          if (!worker) return;
          const ready = () => {
            if (worker.state === 'installed' && workers.controller) announce(worker);
          };
          worker.addEventListener('statechange', ready);
          ready();
        };
        watch(registration.waiting);
        registration.addEventListener('updatefound', () => watch(registration.installing));
        // An app left open for days still hears of a new version.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') registration.update().catch(() => {});
        });
        setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
      })
      .catch(() => {});
  };

  // Once the paint is on screen (its entry; a frame callback can run before it), else soon.
  const afterPaint = () => {
    let started = false;
    const go = () => started || ((started = true), setTimeout(start, 0));
    if (!(window.PerformanceObserver && PerformanceObserver.supportedEntryTypes || []).includes('paint')) {
      return requestAnimationFrame(go);
    }
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length) observer.disconnect(), go();
    }).observe({ type: 'paint', buffered: true });
    setTimeout(go, 1000);
  };
  if (!prerendered || stored('portal.lang') === 'en') start();
  else if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
})();
