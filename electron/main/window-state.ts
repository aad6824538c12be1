/** The window's size and position, remembered between runs in a small JSON file beside the database. */
import { readFileSync, writeFileSync } from 'node:fs';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

export function loadWindowBounds(path: string): WindowBounds {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowBounds>;
    const width = Number(value.width);
    const height = Number(value.height);
    if (!Number.isFinite(width) || !Number.isFinite(height) || width < 640 || height < 480)
      return DEFAULT_BOUNDS;
    const bounds: WindowBounds = {
      width: Math.round(width),
      height: Math.round(height),
      maximized: value.maximized === true,
    };
    if (Number.isFinite(value.x) && Number.isFinite(value.y)) {
      bounds.x = Math.round(value.x!);
      bounds.y = Math.round(value.y!);
    }
    return bounds;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveWindowBounds(path: string, bounds: WindowBounds): void {
  writeFileSync(path, JSON.stringify(bounds));
}
