// Offline check of electron-builder.yml: electron-builder's own JSON-schema validation (the first
// thing its CLI does, before any download; stack.md §7) plus the packaging policy of this project
// (fuses set, native modules unpacked from the asar, the four targets, files that exist).
//
//   node main/tools/validate-builder-config.cjs [electron-builder.yml]
//
// CommonJS because app-builder-lib's validator is only reachable through require (internal path).
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

const REQUIRED_TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] };

function targetNames(platformConfig) {
  const target = platformConfig && platformConfig.target;
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry && entry.target));
}

/** Project rules the schema cannot express. Returns a list of problems (empty when fine). */
function policyProblems(config, baseDir) {
  const problems = [];
  const fuses = config.electronFuses || {};
  for (const [fuse, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== wanted) problems.push(`electronFuses.${fuse} must be ${wanted}`);
  }
  const unpack = [].concat(config.asarUnpack || []);
  if (!unpack.includes('**/*.node'))
    problems.push('asarUnpack must include "**/*.node" (native modules cannot load from the asar)');
  if (config.asar === false)
    problems.push('asar must stay enabled (onlyLoadAppFromAsar and asar integrity depend on it)');
  const files = [].concat(config.files || []);
  if (!files.includes('out/**')) problems.push('files must include "out/**" (the electron-vite build)');
  for (const [platform, targets] of Object.entries(REQUIRED_TARGETS)) {
    const have = targetNames(config[platform]);
    for (const target of targets)
      if (!have.includes(target)) problems.push(`${platform}.target must include ${target}`);
  }
  const referenced = [
    ['linux.icon', config.linux && config.linux.icon],
    ['mac.icon', config.mac && config.mac.icon],
    ['win.icon', config.win && config.win.icon],
    ['mac.entitlements', config.mac && config.mac.entitlements],
    ['mac.entitlementsInherit', config.mac && config.mac.entitlementsInherit],
  ];
  for (const [key, file] of referenced) {
    if (typeof file === 'string' && !existsSync(join(baseDir, file)))
      problems.push(`${key} points to ${file}, which does not exist`);
  }
  return problems;
}

/** Validates one config file. Resolves { ok, problems } and never rejects. */
async function validateBuilderConfig(file, projectDir = dirname(resolve(file))) {
  let config;
  try {
    config = require('js-yaml').load(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, problems: [`cannot read ${file}: ${error.message}`] };
  }
  if (!config || typeof config !== 'object') return { ok: false, problems: [`${file} is empty or not a mapping`] };
  const problems = [];
  try {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await validateConfiguration(config, new DebugLogger(false));
  } catch (error) {
    // Keep the schema's own sentence, drop its generic "How to fix" footer.
    problems.push(
      String(error.message || error)
        .split('\n  How to fix:')[0]
        .trim(),
    );
  }
  problems.push(...policyProblems(config, projectDir));
  return { ok: problems.length === 0, problems };
}

module.exports = { validateBuilderConfig, policyProblems, REQUIRED_FUSES };

if (require.main === module) {
  const file = process.argv[2] || 'electron-builder.yml';
  validateBuilderConfig(file).then(({ ok, problems }) => {
    if (ok) console.log(`${file}: OK (electron-builder schema and packaging policy)`);
    for (const problem of problems) console.error(`${file}: ${problem}`);
    process.exit(ok ? 0 : 1);
  });
}
