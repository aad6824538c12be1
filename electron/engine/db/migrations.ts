import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefError } from '../../../shared/errors.ts';

/** One numbered schema step: `migrations/NNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/**
 * The repository's `migrations/` folder, found by walking up from this file to the first folder
 * holding both `migrations/` and `package.json`; this works from source and from the bundle in `out/`.
 */
export function defaultMigrationsFolder(from: string = import.meta.url): string {
  let folder = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    if (existsSync(join(folder, 'migrations')) && existsSync(join(folder, 'package.json'))) {
      return join(folder, 'migrations');
    }
    const parent = dirname(folder);
    if (parent === folder) {
      throw new BriefError(
        'INTERNAL',
        'The database migrations are missing from this installation of 360Brief. Reinstall the app.',
      );
    }
    folder = parent;
  }
}

/** Reads `NNN_name.sql` files from a folder, in version order, refusing gaps and duplicates. */
export function loadMigrations(folder: string = defaultMigrationsFolder()): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.sql')) continue;
    const match = MIGRATION_FILE.exec(file);
    if (!match) {
      throw new BriefError('INTERNAL', `The migration file ${file} is not named NNN_name.sql; rename it.`);
    }
    migrations.push({
      version: Number(match[1]),
      name: match[2]!,
      sql: readFileSync(join(folder, file), 'utf8'),
    });
  }
  return checkMigrationOrder(migrations);
}

/** Sorts by version and insists on 1, 2, 3, … with no gap and no duplicate. */
export function checkMigrationOrder(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      const problem =
        migration.version === sorted[index - 1]?.version
          ? `two migrations share version ${migration.version}`
          : `migration ${index + 1} is missing before ${migration.version}_${migration.name}`;
      throw new BriefError(
        'INTERNAL',
        `The database migrations are inconsistent: ${problem}. Fix the migrations folder.`,
      );
    }
  });
  return sorted;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}
