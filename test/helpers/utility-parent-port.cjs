// Preloaded (--require) into a Node child started by the utilityProcess double (electron-double-utility.ts): gives it
// the utility-process side of Electron, `process.parentPort`, whose 'message' events carry `{ data, ports }` and whose
// postMessage answers the parent. Like Electron, which ends its utility processes with the app, the child exits when
// its parent goes.
const { EventEmitter } = require('node:events');

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send?.(message, undefined, {}, () => undefined);
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }));
process.on('disconnect', () => process.exit(0));
process.parentPort = parentPort;
