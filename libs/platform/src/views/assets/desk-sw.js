/*
 * Palabre — the desk's service worker. Its scope is one event's desk page: it keeps that page
 * (network first, the last copy when offline) and its stylesheet and script (cache first: their
 * URLs change with their content). Everything else, the API included, goes to the network as is.
 */
'use strict';
var PAGE = new URL(self.registration.scope).pathname;
var CACHE = 'palabre-desk:' + PAGE;
var ASSETS = (new URL(self.location.href).searchParams.get('assets') || '').split(',').filter(function (a) {
  return /^\/assets\/[\w.-]+$/.test(a);
});

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(ASSETS.concat([PAGE]));
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    // A search's answer names people: only the page of a door is kept.
    var key = url.searchParams.has('q') ? null : url.pathname + url.search;
    event.respondWith(
      fetch(request)
        .then(function (response) {
          if (response.ok && key) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) {
              return cache.put(key, copy);
            });
          }
          return response;
        })
        .catch(function () {
          return caches.match(key || PAGE).then(function (kept) {
            return kept || caches.match(PAGE);
          });
        }),
    );
    return;
  }
  if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(
      caches.match(url.pathname).then(function (kept) {
        return kept || fetch(request);
      }),
    );
  }
});
