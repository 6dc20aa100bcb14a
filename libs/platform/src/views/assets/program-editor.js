/*
 * Palabre — program editor: drag a session of the grid to another room or time.
 * Progressive enhancement: without JavaScript the session form does the same. The move is
 * posted with the session's CSRF token (X-CSRF-Token); the server checks every rule and
 * answers a problem naming the other session on a conflict, shown in the live region.
 */
(function () {
  'use strict';
  var grid = document.querySelector('table.pe-grid[data-move]');
  if (!grid || !window.fetch || !grid.closest) return;
  var status = document.getElementById('pe-status');
  var en = document.documentElement.lang === 'en';
  var text = {
    moving: en ? 'Moving…' : 'Déplacement…',
    failed: en
      ? 'The session could not be moved: check the connection and try again.'
      : "La session n'a pas pu être déplacée : vérifiez la connexion et réessayez.",
    open: en ? 'Open' : 'Ouvrir',
    refused: en ? 'Move refused' : 'Déplacement refusé',
  };
  var dragged = null;
  var over = null;

  var hint = document.querySelector('.pe-js-only');
  if (hint) hint.hidden = false;

  function sessionPath(id) {
    return grid.getAttribute('data-move').replace('{id}/move', id);
  }

  /** Puts a message in the live region (announced), with a link to the other session when the problem names one. */
  function say(message, other, isError) {
    if (!status) return;
    status.textContent = '';
    status.className = 'pe-status' + (isError ? ' error' : '');
    if (isError) {
      var title = document.createElement('strong');
      title.textContent = text.refused + ' : ';
      status.appendChild(title);
    }
    status.appendChild(document.createTextNode(message));
    if (other && typeof other.id === 'string') {
      var name = other.title && (en ? other.title.en || other.title.fr : other.title.fr);
      var a = document.createElement('a');
      a.href = sessionPath(other.id);
      a.textContent = ' ' + text.open + (name ? ' « ' + name + ' »' : '');
      status.appendChild(a);
    }
  }

  function mark(cell) {
    if (over === cell) return;
    if (over) over.classList.remove('pe-over');
    over = cell;
    if (over) over.classList.add('pe-over');
  }

  function dropTarget(el) {
    var cell = el && el.closest ? el.closest('td.pe-free, td.pe-session') : null;
    return cell && grid.contains(cell) && cell !== dragged ? cell : null;
  }

  function move(id, roomId, time) {
    say(text.moving, null, false);
    fetch(grid.getAttribute('data-move').replace('{id}', id), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': grid.getAttribute('data-csrf') },
      body: JSON.stringify({ roomId: roomId, date: grid.getAttribute('data-date'), time: time }),
    })
      .then(function (res) {
        if (res.ok) {
          window.location.assign(grid.getAttribute('data-moved'));
          return null;
        }
        return res.json().then(function (problem) {
          say(problem.detail || problem.title || text.failed, problem.conflictingSession, true);
        });
      })
      .catch(function () {
        say(text.failed, null, true);
      });
  }

  var sessions = grid.querySelectorAll('td.pe-session[data-id]');
  for (var i = 0; i < sessions.length; i++) {
    sessions[i].setAttribute('draggable', 'true');
    sessions[i].addEventListener('dragstart', function (e) {
      dragged = e.currentTarget;
      dragged.classList.add('pe-dragging');
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', dragged.getAttribute('data-id'));
    });
    sessions[i].addEventListener('dragend', function (e) {
      e.currentTarget.classList.remove('pe-dragging');
      dragged = null;
      mark(null);
    });
  }

  grid.addEventListener('dragover', function (e) {
    var cell = dragged && dropTarget(e.target);
    if (!cell) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    mark(cell);
  });
  grid.addEventListener('dragleave', function (e) {
    if (e.target === grid) mark(null);
  });
  grid.addEventListener('drop', function (e) {
    var cell = dragged && dropTarget(e.target);
    if (!cell) return;
    e.preventDefault();
    var id = dragged.getAttribute('data-id');
    mark(null);
    move(id, cell.getAttribute('data-room') || '', cell.getAttribute('data-time'));
  });

  // A click on a free slot opens the new session form there.
  grid.addEventListener('click', function (e) {
    var cell = e.target.closest ? e.target.closest('td.pe-free') : null;
    var base = grid.getAttribute('data-new');
    if (!cell || !base) return;
    var query = '?day=' + encodeURIComponent(grid.getAttribute('data-date')) + '&start=' + encodeURIComponent(cell.getAttribute('data-time'));
    if (cell.getAttribute('data-room')) query += '&room=' + encodeURIComponent(cell.getAttribute('data-room'));
    window.location.assign(base + query);
  });
})();
