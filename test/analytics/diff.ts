/**
 * Key-by-key comparison of an expected JSON value with an actual one: every key the expected
 * value has, in its order, with the path of each difference (`responseTime.mine.p90Ms`).
 */
export function diffJson(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    const differences: string[] = [];
    if (expected.length !== actual.length) {
      differences.push(`${path}: expected ${expected.length} entries, got ${actual.length}`);
    }
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      differences.push(...diffJson(expected[i], actual[i], `${path}[${i}]`));
    }
    return differences;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    }
    const differences: string[] = [];
    const expectedKeys = Object.keys(expected);
    const actualKeys = Object.keys(actual).slice(0, expectedKeys.length);
    if (expectedKeys.join() !== actualKeys.join()) {
      differences.push(
        `${path || '.'}: keys in order ${expectedKeys.join(',')} expected, got ${actualKeys.join(',')}`,
      );
    }
    for (const key of expectedKeys) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in actual)) differences.push(`${child}: missing`);
      else
        differences.push(
          ...diffJson(
            (expected as Record<string, unknown>)[key],
            (actual as Record<string, unknown>)[key],
            child,
          ),
        );
    }
    return differences;
  }
  return Object.is(expected, actual) || expected === actual
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
