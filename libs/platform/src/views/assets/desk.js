/*
 * Palabre — the desk: check tickets in at the entrance or a session's door, even offline.
 * Progressive enhancement: without JavaScript each form posts and the page answers. With it,
 * the page keeps the event's roster on the phone (refreshed by deltas while online), answers a
 * scan made offline from it, queues the scan (device id, nonce, scan time) and sends the queue
 * when the network returns; the server applies each nonce once. The camera scans through the
 * browser's BarcodeDetector where there is one, else through jsQR (bundled, served from our own
 * assets). No framework, no third-party script.
 */
(function () {
  'use strict';
  var root = document.getElementById('desk');
  if (!root || !window.fetch || !window.JSON || !window.localStorage || !window.Promise) return;
  var en = document.documentElement.lang === 'en';
  function t(fr, english) {
    return en ? english : fr;
  }

  var eventId = root.getAttribute('data-event');
  var api = root.getAttribute('data-api');
  var page = root.getAttribute('data-page');
  var csrf = root.getAttribute('data-csrf');
  var sessionId = root.getAttribute('data-door') || null;
  var workshop = root.getAttribute('data-workshop') === 'true';
  var doorLabel = root.getAttribute('data-door-label') || '';
  var timeZone = root.getAttribute('data-time-zone') || undefined;
  var door = sessionId ? 'session:' + sessionId : 'entrance';
  var SYNC_MS = 30000;
  var WAIT_MS = 8000;
  var BATCH = 100;

  var net = document.getElementById('desk-net');
  var slot = document.getElementById('desk-answer-slot');
  var scanForm = document.getElementById('desk-scan');
  var codeInput = document.getElementById('desk-code');
  var searchForm = document.getElementById('desk-search');
  var searchInput = document.getElementById('desk-q');
  var found = document.getElementById('desk-found');
  var walkIn = document.getElementById('desk-walk-in');

  // ---- What the phone keeps ---------------------------------------------------------------
  var prefix = 'palabre-desk:' + eventId + ':';
  function load(name, fallback) {
    try {
      var text = localStorage.getItem(prefix + name);
      return text ? JSON.parse(text) : fallback;
    } catch {
      return fallback;
    }
  }
  function save(name, value) {
    try {
      localStorage.setItem(prefix + name, JSON.stringify(value));
    } catch {
      /* storage full: the page still works online */
    }
  }
  function randomId(bytes) {
    var a = new Uint8Array(bytes);
    (window.crypto || window.msCrypto).getRandomValues(a);
    var out = '';
    for (var i = 0; i < a.length; i++) out += ('0' + a[i].toString(16)).slice(-2);
    return out;
  }
  var deviceId = localStorage.getItem('palabre-desk:device');
  if (!deviceId) {
    deviceId = 'desk-' + randomId(12);
    localStorage.setItem('palabre-desk:device', deviceId);
  }
  /** By ticket code: { n: name, s: status, w: workshop session ids, r: reference }. */
  var roster = load('roster', { cursor: null, entries: {} });
  /** Scans made offline, oldest first: { nonce, code, sessionId, scannedAt }. */
  var queue = load('queue', []);
  /** Check-ins this phone knows of, by door and code: the time of the first. */
  var seen = load('seen', {});

  /*
   * The server's clock minus the phone's, so that an offline scan is dated by the server's time
   * even on a phone set wrong. Every server time seen (the page's, each scan's answer) was
   * stamped before it arrived: a lower bound, so the largest is the best guess, and it is kept
   * for a page that comes back from the cache with an old time in it.
   */
  var skew = Number(localStorage.getItem('palabre-desk:skew')) || -Infinity;
  function heard(serverIso) {
    var observed = Date.parse(serverIso) - Date.now();
    if (!(observed > skew)) return;
    skew = observed;
    try {
      localStorage.setItem('palabre-desk:skew', String(skew));
    } catch {
      /* storage full: kept for this page only */
    }
  }
  heard(root.getAttribute('data-now'));
  if (!isFinite(skew)) skew = 0;

  var online = navigator.onLine !== false;
  var backoff = 0;
  var retry = null;
  var flushing = false;
  var problem = '';

  function status() {
    if (!net) return;
    net.hidden = false;
    var waiting = queue.length;
    var text = online ? t('En ligne', 'Online') : t('Hors ligne', 'Offline');
    text +=
      ' · ' +
      (waiting === 0
        ? t('aucun scan en attente', 'no scan waiting')
        : waiting === 1
          ? t('1 scan en attente d’envoi', '1 scan waiting to be sent')
          : t(waiting + ' scans en attente d’envoi', waiting + ' scans waiting to be sent'));
    if (problem) text += ' · ' + problem;
    net.textContent = text;
    net.className = 'desk-net ' + (online ? 'desk-online' : 'desk-offline');
    net.setAttribute('data-waiting', String(waiting));
  }

  function normalize(typed) {
    return String(typed)
      .toUpperCase()
      .replace(/[\s-]/g, '')
      .replace(/(.{4})(?!$)/g, '$1-');
  }
  function readable(code) {
    return /^[\w -]{1,40}$/.test(code);
  }
  function clockTime(iso) {
    try {
      return new Intl.DateTimeFormat(en ? 'en' : 'fr', { hour: '2-digit', minute: '2-digit', timeZone: timeZone }).format(new Date(iso));
    } catch {
      return new Date(iso).toTimeString().slice(0, 5);
    }
  }

  // ---- The answer ---------------------------------------------------------------------------
  var TONE = { welcome: 'go', already: 'again' };
  function texts(result, name, code, at) {
    switch (result) {
      case 'welcome':
        return [t('Bienvenue, ', 'Welcome, ') + name, t('Enregistré·e : la personne peut entrer.', 'Checked in: they may go in.')];
      case 'already':
        return [
          t('Déjà enregistré·e : ', 'Already checked in: ') + name,
          at
            ? t(
                'Entré·e à ' + clockTime(at) + ', ' + doorLabel + '. Vérifiez que c’est bien la même personne.',
                'Came in at ' + clockTime(at) + ', ' + doorLabel + '. Check it is the same person.',
              )
            : t('Vérifiez que c’est bien la même personne.', 'Check it is the same person.'),
        ];
      case 'cancelled':
        return [t('Inscription annulée : ', 'Registration cancelled: ') + name, t('Ce billet ne permet pas d’entrer.', 'This ticket does not let anyone in.')];
      case 'waitlisted':
        return [
          t('Sur liste d’attente : ', 'On the waiting list: ') + name,
          t('Pas encore de place pour cette personne : elle n’entre pas.', 'No seat for this person yet: they do not go in.'),
        ];
      case 'pending':
        return [
          t('Inscription non confirmée : ', 'Registration not confirmed: ') + name,
          t('La personne doit d’abord confirmer par le lien reçu par e-mail.', 'They must first confirm with the link they were emailed.'),
        ];
      case 'not_signed_up':
        return [
          t('Pas inscrit·e à cette session : ', 'Not signed up to this session: ') + name,
          t('Cet atelier demande une inscription : la personne n’en a pas.', 'This workshop needs a sign-up: the person has none.'),
        ];
      default:
        return [t('Billet inconnu', 'Unknown ticket'), t('Aucun billet ' + code + ' pour cet événement.', 'No ticket ' + code + ' for this event.')];
    }
  }
  var count = document.getElementById('desk-count');
  function show(result, name, code, at, note) {
    if (result === 'welcome' && count) count.textContent = String((Number(count.textContent) || 0) + 1);
    var words = texts(result, name || '', code, at);
    var section = document.createElement('section');
    section.className = 'desk-answer desk-' + (TONE[result] || 'stop');
    section.id = 'desk-answer';
    section.setAttribute('role', 'alert');
    section.setAttribute('data-result', result);
    var h = document.createElement('h2');
    h.textContent = words[0];
    var p = document.createElement('p');
    p.textContent = words[1];
    section.appendChild(h);
    section.appendChild(p);
    if (note) {
      var n = document.createElement('p');
      n.className = 'desk-note';
      n.textContent = note;
      section.appendChild(n);
    }
    slot.textContent = '';
    slot.appendChild(section);
  }

  // ---- The roster and its deltas -------------------------------------------------------------
  /** A call to the check-in API with the session's form token; slow networks give up after `WAIT_MS` (then the scan waits in the queue). */
  function request(path, body) {
    var headers = { accept: 'application/json' };
    if (body) {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = csrf;
    }
    var abort = window.AbortController ? new window.AbortController() : null;
    var timer = abort
      ? setTimeout(function () {
          abort.abort();
        }, WAIT_MS)
      : null;
    return fetch(api + path, {
      method: body ? 'POST' : 'GET',
      credentials: 'same-origin',
      headers: headers,
      body: body ? JSON.stringify(body) : undefined,
      signal: abort ? abort.signal : undefined,
    }).then(
      function (res) {
        clearTimeout(timer);
        return res;
      },
      function () {
        clearTimeout(timer);
        // No answer (offline, or too slow): the caller treats it as offline.
        throw new TypeError('network');
      },
    );
  }
  /** Whether to try the network at all: the browser knows when there is none. */
  function reachable() {
    return navigator.onLine !== false;
  }
  function isUp() {
    online = true;
    status();
  }
  function isDown() {
    online = false;
    status();
  }
  function sync() {
    if (!reachable()) {
      isDown();
      return Promise.resolve();
    }
    return request('/roster' + (roster.cursor ? '?since=' + encodeURIComponent(roster.cursor) : ''))
      .then(function (res) {
        if (!res.ok) throw new Error('roster ' + res.status);
        return res.json();
      })
      .then(function (body) {
        for (var i = 0; i < body.entries.length; i++) {
          var e = body.entries[i];
          roster.entries[e.ticketCode] = { n: e.name, s: e.status, w: e.sessionIds, r: e.reference };
        }
        roster.cursor = body.cursor;
        save('roster', roster);
        isUp();
      })
      .catch(function (error) {
        if (error instanceof TypeError) isDown();
      });
  }

  /** What the server would answer, from the roster and this phone's own check-ins. */
  function answerOffline(code) {
    var e = roster.entries[code];
    if (!e) return { result: 'unknown', name: null };
    if (e.s === 'cancelled' || e.s === 'expired') return { result: 'cancelled', name: e.n };
    if (e.s === 'waitlisted') return { result: 'waitlisted', name: e.n };
    if (e.s === 'pending') return { result: 'pending', name: e.n };
    if (sessionId && workshop && (e.w || []).indexOf(sessionId) < 0) return { result: 'not_signed_up', name: e.n };
    var first = seen[door + '|' + code];
    return first ? { result: 'already', name: e.n, at: first } : { result: 'welcome', name: e.n };
  }

  // ---- The queue -----------------------------------------------------------------------------
  function later() {
    if (retry) clearTimeout(retry);
    backoff = Math.min(backoff ? backoff * 2 : 2000, 60000);
    retry = setTimeout(flush, backoff);
  }
  function flush() {
    if (flushing || queue.length === 0 || !reachable()) return;
    flushing = true;
    var batch = queue.slice(0, BATCH);
    request('/batch', { deviceId: deviceId, scans: batch })
      .then(function (res) {
        if (res.status === 401 || res.status === 403) {
          problem = t('reconnectez-vous pour envoyer les scans', 'sign in again to send the scans');
          throw new Error('signed out');
        }
        if (!res.ok) throw new Error('batch ' + res.status);
        return res.json();
      })
      .then(function (body) {
        var done = {};
        for (var i = 0; i < body.results.length; i++) {
          var r = body.results[i];
          done[r.nonce] = true;
          heard(r.scannedAt);
          if (r.checkedInAt) {
            var sent = batch.filter(function (s) {
              return s.nonce === r.nonce;
            })[0];
            if (sent) seen[(sent.sessionId ? 'session:' + sent.sessionId : 'entrance') + '|' + sent.code] = r.checkedInAt;
          }
        }
        queue = queue.filter(function (s) {
          return !done[s.nonce];
        });
        save('queue', queue);
        save('seen', seen);
        flushing = false;
        backoff = 0;
        problem = '';
        isUp();
        if (queue.length > 0) flush();
      })
      .catch(function (error) {
        flushing = false;
        if (error instanceof TypeError) isDown();
        status();
        later();
      });
  }
  // ---- A scan, typed, scanned or picked ------------------------------------------------------
  /** Answered from the roster, kept in the queue (its nonce unchanged), sent when the network answers again. */
  function offline(scan) {
    var a = answerOffline(scan.code);
    queue.push(scan);
    save('queue', queue);
    if (a.result === 'welcome') {
      seen[door + '|' + scan.code] = scan.scannedAt;
      save('seen', seen);
    }
    status();
    show(
      a.result,
      a.name,
      scan.code,
      a.at,
      online && reachable()
        ? t('Réseau lent : enregistré sur ce téléphone, envoyé dès que possible.', 'Slow network: kept on this phone, sent as soon as possible.')
        : t('Hors ligne : enregistré sur ce téléphone, envoyé au retour du réseau.', 'Offline: kept on this phone, sent when the network returns.'),
    );
    later();
  }

  /**
   * Every scan goes through the queue's route with this phone's device id and a nonce, online
   * too: a scan whose answer got lost is sent again with the same nonce and applies once.
   */
  function check(code) {
    var scan = { nonce: randomId(12), code: code, sessionId: sessionId || undefined, scannedAt: new Date(Date.now() + skew).toISOString() };
    if (!online || !reachable()) return offline(scan);
    request('/batch', { deviceId: deviceId, scans: [scan] })
      .then(function (res) {
        if (res.ok) {
          return res.json().then(function (body) {
            var o = body.results[0];
            // A scan time from the phone's future is replaced by the server's: then it tells the server's time.
            heard(o.scannedAt);
            if (o.checkedInAt) {
              seen[door + '|' + code] = o.checkedInAt;
              save('seen', seen);
            }
            isUp();
            show(o.result, o.registration && o.registration.name, code, o.checkedInAt);
          });
        }
        if (res.status >= 500 || res.status === 429) throw new TypeError('server ' + res.status);
        return res.json().then(function (p) {
          show('unknown', null, code, null, (p.errors && p.errors[0] && p.errors[0].message) || p.detail || p.title);
        });
      })
      .catch(function (error) {
        if (!(error instanceof TypeError)) return;
        isDown();
        offline(scan);
      });
  }

  scanForm.addEventListener('submit', function (e) {
    var code = normalize(codeInput.value);
    if (!readable(code)) return; // the server names what is wrong
    e.preventDefault();
    codeInput.value = '';
    check(code);
    codeInput.focus();
  });

  // ---- Search by name, in the roster (works offline) -----------------------------------------
  function fold(s) {
    s = String(s);
    return (s.normalize ? s.normalize('NFD') : s).replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function search(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    var out = [];
    for (var code in roster.entries) {
      var e = roster.entries[code];
      if (!e.n) continue;
      var hay = fold(e.n + ' ' + e.r);
      if (
        words.every(function (w) {
          return hay.indexOf(w) >= 0;
        })
      )
        out.push({ code: code, name: e.n, reference: e.r });
      if (out.length >= 20) break;
    }
    found.textContent = '';
    if (out.length === 0) {
      var none = document.createElement('p');
      none.textContent = t('Personne à ce nom.', 'Nobody by that name.');
      found.appendChild(none);
      return;
    }
    var ul = document.createElement('ul');
    ul.className = 'desk-found';
    out.forEach(function (m) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = m.name + ' · ' + m.reference;
      b.addEventListener('click', function () {
        check(m.code);
        found.textContent = '';
        searchInput.value = '';
        codeInput.focus();
      });
      li.appendChild(b);
      ul.appendChild(li);
    });
    found.appendChild(ul);
  }
  searchForm.addEventListener('submit', function (e) {
    if (!roster.cursor) return; // no roster yet: the server searches
    e.preventDefault();
    if (searchInput.value.trim()) search(searchInput.value);
  });

  if (walkIn) {
    walkIn.addEventListener('submit', function (e) {
      if (online) return;
      e.preventDefault();
      show('unknown', null, '', null, t('Hors ligne : ajoutez la personne quand le réseau revient.', 'Offline: add the person when the network returns.'));
    });
  }

  // ---- The camera ----------------------------------------------------------------------------
  // The browser's BarcodeDetector where it reads QR codes; elsewhere the bundled jsQR decoder
  // (loaded only then), reading frames drawn on a canvas.
  var camera = document.getElementById('desk-camera');
  var noCamera = document.getElementById('desk-camera-none');
  function cameraUnavailable() {
    if (camera) camera.hidden = true;
    if (noCamera) noCamera.hidden = false;
  }
  function nativeDecoder() {
    if (!('BarcodeDetector' in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf('qr_code') < 0) return null;
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return function (video) {
        return detector.detect(video).then(function (codes) {
          return codes.length ? codes[0].rawValue : '';
        });
      };
    });
  }
  function bundledDecoder() {
    var src = camera && camera.getAttribute('data-qr-decoder');
    if (!src) return Promise.resolve(null);
    return new Promise(function (resolve) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () {
        if (typeof window.jsQR !== 'function') return resolve(null);
        var canvas = document.createElement('canvas');
        var context = canvas.getContext('2d', { willReadFrequently: true });
        resolve(function (video) {
          var w = video.videoWidth;
          var h = video.videoHeight;
          if (!w || !h) return Promise.resolve('');
          // A smaller frame decodes faster on a cheap phone; a ticket's QR stays readable.
          var scale = Math.min(1, 640 / Math.max(w, h));
          canvas.width = Math.round(w * scale);
          canvas.height = Math.round(h * scale);
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          var image = context.getImageData(0, 0, canvas.width, canvas.height);
          var found = window.jsQR(image.data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' });
          return Promise.resolve(found ? found.data : '');
        });
      };
      script.onerror = function () {
        resolve(null);
      };
      document.head.appendChild(script);
    });
  }
  if (!camera || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    cameraUnavailable();
  } else {
    nativeDecoder()
      .catch(function () {
        return null;
      })
      .then(function (decode) {
        return decode || bundledDecoder();
      })
      .then(function (decode) {
        if (!decode) return cameraUnavailable();
        camera.hidden = false;
        var button = document.getElementById('desk-camera-start');
        var video = document.getElementById('desk-video');
        var stream = null;
        var last = '';
        var lastAt = 0;
        function stop() {
          if (stream)
            stream.getTracks().forEach(function (track) {
              track.stop();
            });
          stream = null;
          video.hidden = true;
          button.textContent = t('Scanner avec la caméra', 'Scan with the camera');
        }
        function look() {
          if (!stream) return;
          decode(video)
            .then(function (raw) {
              var code = raw ? normalize(raw) : '';
              if (code && readable(code) && (code !== last || Date.now() - lastAt > 3000)) {
                last = code;
                lastAt = Date.now();
                check(code);
              }
            })
            .catch(function () {})
            .then(function () {
              setTimeout(look, 250);
            });
        }
        button.addEventListener('click', function () {
          if (stream) return stop();
          navigator.mediaDevices
            .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
            .then(function (s) {
              stream = s;
              video.srcObject = s;
              video.hidden = false;
              button.textContent = t('Arrêter la caméra', 'Stop the camera');
              return video.play().then(look);
            })
            .catch(function () {
              stop();
              cameraUnavailable();
            });
        });
      })
      .catch(cameraUnavailable);
  }

  // ---- Online, offline, installed -------------------------------------------------------------
  window.addEventListener('online', function () {
    isUp();
    backoff = 0;
    sync().then(flush);
  });
  window.addEventListener('offline', isDown);
  setInterval(function () {
    sync().then(flush);
  }, SYNC_MS);
  status();
  sync().then(flush);

  if ('serviceWorker' in navigator && root.getAttribute('data-worker')) {
    var assets = [];
    var nodes = document.querySelectorAll('link[rel="stylesheet"][href^="/assets/"], script[src^="/assets/"]');
    for (var i = 0; i < nodes.length; i++) assets.push(nodes[i].getAttribute('href') || nodes[i].getAttribute('src'));
    navigator.serviceWorker.register(root.getAttribute('data-worker') + '?assets=' + encodeURIComponent(assets.join(',')), { scope: page }).catch(function () {
      /* not installable here (no secure context): the page still works */
    });
  }
})();
