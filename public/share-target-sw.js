// LastFour as a Web Share Target (manifest share_target: POST multipart to ./share-target). Imported
// by the generated service worker before Workbox's own handlers. The shared files are held in this
// worker's memory only, never written to the Cache API, IndexedDB or anywhere else: the POST is
// answered with a redirect to the app, and the files are posted to that page once it says it is
// ready. Files nobody asks for within a minute are dropped.
const SHARE_PATH = new URL('./share-target', self.registration.scope).pathname;
const HAND_OVER_MS = 60_000;

/** Files waiting for the page the POST was redirected to; a second share replaces the first. */
let waiting = null;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.pathname !== SHARE_PATH) return;
  event.respondWith(receive(event));
});

async function receive(event) {
  let files = [];
  try {
    const form = await event.request.formData();
    files = form.getAll('files').filter((f) => f instanceof File && f.size > 0);
  } catch {
    // Not a form we understand: open the app without files.
  }
  if (files.length > 0) {
    let done;
    const handedOver = new Promise((resolve) => (done = resolve));
    waiting = { files, done };
    // Keeps this worker (and the files in its memory) alive until the page has them, or time is up.
    event.waitUntil(
      Promise.race([handedOver, new Promise((resolve) => setTimeout(resolve, HAND_OVER_MS))]).then(() => {
        if (waiting && waiting.done === done) waiting = null;
      }),
    );
  }
  return Response.redirect(new URL('./?share-target', self.registration.scope).href, 303);
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'share-target-ready' || !event.source) return;
  const files = waiting ? waiting.files : [];
  const done = waiting?.done;
  waiting = null;
  event.source.postMessage({ type: 'share-target-files', files });
  done?.();
});
