// Packaging of the desktop app: `npm run dist` (= build, prepare the Electron driver, electron-builder).
// electron-builder 26.17.0 is a pinned devDependency. Packaging downloads the Electron binary
// (cached), so it needs network access once. See docs/release.md for signing and the checklist.
// A JavaScript config (not YAML) so that tests/electron/packaging.test.ts reads exactly this object.
'use strict';

/** Signing is switched on by the signer's own environment; nothing secret lives in this file. */
const env = process.env;

module.exports = {
  appId: 'org.permitintegrity.app',
  productName: 'Permit Integrity',
  copyright: 'Permit Integrity contributors (MIT licence)',

  directories: { output: 'release/' },

  // What goes into app.asar. electron-builder adds the production node_modules itself; the
  // patterns below also filter those. No benchmarks, tools, command line or source maps.
  files: [
    'package.json',
    'dist/**',
    '!dist/bench/**',
    '!dist/tools/**',
    '!dist/cli/**',
    '!**/*.map',
    // The SQLite driver built for Electron's ABI (tools/prepare-electron-package.ts), loaded through
    // better-sqlite3's nativeBinding option. node_modules' own build is for Node and is left out,
    // with the driver's C sources.
    'native/electron/better_sqlite3.node',
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    '!node_modules/better-sqlite3/binding.gyp',
    // Command-line-only dependencies: PDF reading for `verify --report` (pdf-parse, pdfjs-dist and
    // its canvas) and Chromium automation for the CLI's PDF export (playwright-core). The desktop
    // app prints with Electron's own printToPDF and never loads them.
    '!node_modules/playwright-core/**',
    '!node_modules/pdf-parse/**',
    '!node_modules/pdfjs-dist/**',
    '!node_modules/@napi-rs/**',
  ],

  // The packaged package.json starts the Electron main process (ES module, compiled by tsc).
  extraMetadata: { main: 'dist/electron/main.js' },

  // The methodology document that Help › Methodology offers to open (outside the asar, so the
  // system viewer can read it).
  extraResources: [{ from: 'docs', to: 'docs', filter: ['methodology.md'] }],

  // No rebuild of node_modules: it would compile better-sqlite3 for Electron *in the project's own
  // node_modules* and break the command line and the tests, which run under Node. The Electron
  // build comes from native/electron instead.
  npmRebuild: false,
  buildDependenciesFromSource: false,

  // Everything in one archive, checked at start-up by the asar-integrity fuse below. Native .node
  // files cannot be loaded from inside an archive, so the driver is unpacked.
  asar: true,
  asarUnpack: ['native/electron/*.node'],

  // Fuses are bits in the Electron binary flipped here, before signing, so that the operating
  // system's code-signature check keeps them flipped (Signal does the same).
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
    enableNodeCliInspectArguments: false, // no --inspect debugger on the main process
    enableEmbeddedAsarIntegrityValidation: true, // app.asar must match the hash embedded at packaging
    onlyLoadAppFromAsar: true, // no loose app folder next to the binary is ever loaded
    grantFileProtocolExtraPrivileges: false, // file:// gets no special powers (the UI uses app://)
  },

  linux: {
    category: 'Office',
    target: ['AppImage', 'deb'],
    // The deb needs a maintainer with an e-mail address (package.json's author is the default).
    maintainer: 'Permit Integrity contributors <maintainers@permit-integrity.example.org>',
    synopsis: 'Assess anti-corruption controls of CITES Management Authorities (UNCAC Art. 7 and 12)',
  },
  // electron-builder's deb installs an AppArmor profile that lets the sandbox create user
  // namespaces on Ubuntu 24.04 and later (see docs/security.md, "Linux: AppArmor").
  deb: { priority: 'optional' },

  win: {
    target: ['nsis'],
    // Authenticode: CSC_LINK / CSC_KEY_PASSWORD (a .pfx) are read by electron-builder itself. An
    // authority whose key lives in a token, an HSM or a cloud service points PERMIT_INTEGRITY_WIN_SIGN
    // at its own signing script (called once per file), see docs/release.md.
    signtoolOptions: {
      sign: env.PERMIT_INTEGRITY_WIN_SIGN || null,
      publisherName: env.PERMIT_INTEGRITY_WIN_PUBLISHER ? [env.PERMIT_INTEGRITY_WIN_PUBLISHER] : null,
      signingHashAlgorithms: ['sha256'],
      rfc3161TimeStampServer: env.PERMIT_INTEGRITY_TIMESTAMP_URL || 'http://timestamp.digicert.com',
    },
  },

  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },

  mac: {
    category: 'public.app-category.business',
    hardenedRuntime: true,
    target: ['dmg'],
    // Developer ID signing: CSC_LINK / CSC_KEY_PASSWORD, or CSC_NAME for a keychain identity.
    // Notarisation runs when Apple's credentials are in the environment (APPLE_API_KEY,
    // APPLE_API_KEY_ID, APPLE_API_ISSUER, or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID).
    notarize: Boolean(env.APPLE_API_KEY || env.APPLE_ID),
  },

  // Refuse to publish an unsigned build by accident when the release says it must be signed.
  forceCodeSigning: env.PERMIT_INTEGRITY_REQUIRE_SIGNING === '1',
};
