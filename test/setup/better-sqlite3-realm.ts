/**
 * Jest runs each test file in its own realm but shares native addons across the files of a worker.
 * better-sqlite3 registers its SqliteError class with the addon once per process, so in the second
 * file of a worker SQLite errors were built from a dead realm and silently not thrown. Marking the
 * addon uninitialised makes the next `new Database()` register this file's SqliteError.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addon = require('better-sqlite3/build/Release/better_sqlite3.node') as { isInitialized?: boolean };
addon.isInitialized = false;
