import { migration0001 } from './0001-initial-schema';
import { migration0002 } from './0002-status-covering-index';
import { migration0003 } from './0003-statements';
import type { Migration } from './migration';

/** Every migration in order. Append new ones; never edit or reorder a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003];
