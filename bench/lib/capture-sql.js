'use strict';
/**
 * Preloaded into an api process (`node -r bench/lib/capture-sql.js`) to write every statement
 * it sends to PostgreSQL — text, parameters, the first row returned, and whether it went out in
 * pipeline mode (sent before the answer of the statement ahead of it) — as JSON lines to
 * CAPTURE_SQL_FILE. The registration benchmark reads one registration's transaction back from
 * it to replay the very same SQL with pgbench. Never loaded outside benchmarks.
 */
const { appendFileSync } = require('node:fs');
const Module = require('node:module');

const file = process.env.CAPTURE_SQL_FILE;
if (!file) throw new Error('capture-sql: CAPTURE_SQL_FILE is not set');

function write(entry) {
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

function patch(pg) {
  const Client = pg.Client;
  if (Client.prototype.__captured) return;
  const query = Client.prototype.query;
  Client.prototype.query = function (config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (typeof text !== 'string') return query.apply(this, arguments);
    const pid = this.processID;
    const pipelined = this.pipeline === true;
    const record = (rows) => write({ pid, text, values: params ?? [], row: rows?.[0] ?? null, pipelined });
    const cb = typeof values === 'function' ? values : callback;
    if (typeof cb === 'function') {
      const wrapped = (err, res) => {
        record(err ? null : Array.isArray(res) ? res.at(-1)?.rows : res?.rows);
        cb(err, res);
      };
      return typeof values === 'function' ? query.call(this, config, wrapped) : query.call(this, config, values, wrapped);
    }
    const result = query.apply(this, arguments);
    if (result && typeof result.then === 'function') {
      return result.then((res) => {
        record(Array.isArray(res) ? res.at(-1)?.rows : res?.rows);
        return res;
      });
    }
    return result;
  };
  Client.prototype.__captured = true;
}

// Patch pg as soon as anything loads it.
const load = Module._load;
Module._load = function (request) {
  const exported = load.apply(this, arguments);
  if (request === 'pg') patch(exported);
  return exported;
};
