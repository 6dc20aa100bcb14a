'use strict';
/**
 * A local SMTP server that accepts and discards every message (no parsing), in its own
 * process so it does not compete with the sender for the event loop. Tells its port and,
 * when asked, how many messages it has accepted.
 */
const { SMTPServer } = require('smtp-server');

let accepted = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      accepted += 1;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
process.on('message', (m) => {
  if (m === 'count') process.send({ accepted });
  if (m === 'stop') server.close(() => process.exit(0));
});
