// A stand-in keychain host for the utilityProcess launcher's tests (no Secret Service needed): it answers a `get` of
// account "alive" with its pid and whether an admin key is in its environment, and never answers anything else, like a
// host whose keytar call is stuck in a keychain that stopped answering.
process.parentPort.on('message', ({ data }) => {
  if (data.op !== 'get' || data.account !== 'alive') return;
  const keyInEnv = Object.values(process.env).some((v) => v.includes('sk-ant-'));
  process.parentPort.postMessage({ id: data.id, ok: true, value: JSON.stringify({ pid: process.pid, keyInEnv }) });
});
