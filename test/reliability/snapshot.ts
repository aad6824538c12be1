/** Every row of every table of a database file, read over a separate read-only connection. */
import Database from 'better-sqlite3';

export function snapshotDatabase(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    const snapshot: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all();
      const order = columns.map((column) => `"${column.name}"`).join(', ');
      snapshot[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
    }
    return snapshot;
  } finally {
    db.close();
  }
}
