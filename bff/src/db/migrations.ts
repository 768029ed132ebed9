import { Init1764000000000 } from './migrations/1764000000000-init';

/** Migrations in the order they run. */
export const MIGRATIONS = [Init1764000000000];
