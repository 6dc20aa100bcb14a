import pino from 'pino';
import { Writable } from 'node:stream';
import { RequestLogger, requestLoggers } from './logger';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { parent: pino({ level }, stream), lines };
}

describe('RequestLogger (Fastify’s request.log)', () => {
  it('makes no child until a line at an enabled level is written, then writes it with the request id', async () => {
    const { parent, lines } = capture('warn');
    const child = jest.spyOn(parent, 'child');
    const log = requestLoggers(parent, { reqId: 'r-1' }, { level: 'warn' });
    log.info('request');
    log.debug('detail');
    expect(child).not.toHaveBeenCalled();
    log.warn({ url: '/e/x' }, 'slow');
    log.error('failed');
    expect(child).toHaveBeenCalledTimes(1);
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['slow', 'r-1'],
      ['failed', 'r-1'],
    ]);
  });

  it('takes the level Fastify gives the request, and a level set later', async () => {
    const { parent, lines } = capture('info');
    const log = new RequestLogger(parent, { reqId: 'r-2' }, { level: 'error' });
    expect(log.level).toBe('error');
    log.warn('not written');
    log.level = 'info';
    log.info('written');
    log.child({ step: 'pay' }).info('from a child');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.msg, l.reqId, l.step])).toEqual([
      ['written', 'r-2', undefined],
      ['from a child', 'r-2', 'pay'],
    ]);
  });
});
