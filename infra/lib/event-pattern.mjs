// A small matcher of Amazon EventBridge event patterns, enough to check this project's
// rules against sample events without AWS. It follows the documented content filtering
// rules for the operators it implements:
//   - every field named in the pattern must match; fields the pattern omits are ignored;
//   - a pattern object descends into the event object of the same name;
//   - a pattern leaf is an array of matchers, and matches when any one of them does;
//   - an event value that is an array matches when any of its elements does;
//   - matchers: an exact string, number, boolean or null; {prefix: string};
//     {exists: true|false}, where a field that is present with the value null exists.
// Any other operator (anything-but, suffix, numeric, wildcard, cidr, $or, ...) throws,
// so a rule that needs one fails the checks instead of matching wrongly.

/** Returns whether `event` matches `pattern`. Throws on a malformed or unsupported pattern. */
export function matchesEventPattern(pattern, event) {
  assertPlainObject(pattern, 'The event pattern');
  return matchObject(pattern, event, '');
}

function matchObject(pattern, value, path) {
  for (const [key, expected] of Object.entries(pattern)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const present = isPlainObject(value) && Object.hasOwn(value, key);
    const actual = present ? value[key] : undefined;

    if (Array.isArray(expected)) {
      if (!matchLeaf(expected, present, actual, fieldPath)) {
        return false;
      }
    } else if (isPlainObject(expected)) {
      if (!present || !matchObject(expected, actual, fieldPath)) {
        return false;
      }
    } else {
      throw new Error(
        `Pattern field '${fieldPath}' is invalid: it must be an array of values or an object, ` +
          `not ${JSON.stringify(expected)}.`,
      );
    }
  }
  return true;
}

function matchLeaf(matchers, present, actual, fieldPath) {
  if (matchers.length === 0) {
    throw new Error(`Pattern field '${fieldPath}' is invalid: its array of values is empty.`);
  }
  // Only {exists: false} can match a missing field, because `values` is then empty.
  let values = [];
  if (present) {
    values = Array.isArray(actual) ? actual : [actual];
  }
  return matchers.some((matcher) => matchOne(matcher, present, values, fieldPath));
}

function matchOne(matcher, present, values, fieldPath) {
  if (!isPlainObject(matcher)) {
    // A literal: exact match, type included ("5" does not match 5).
    return values.some((value) => value === matcher);
  }

  const operators = Object.keys(matcher);
  if (operators.length !== 1) {
    throw new Error(
      `Pattern field '${fieldPath}' is invalid: each matcher object needs exactly one operator, ` +
        `not ${JSON.stringify(matcher)}.`,
    );
  }
  const [operator] = operators;
  const operand = matcher[operator];

  switch (operator) {
    case 'exists':
      requireType(typeof operand === 'boolean', fieldPath, operator, 'true or false');
      return operand === present;
    case 'prefix':
      requireType(typeof operand === 'string', fieldPath, operator, 'a string');
      return values.some((value) => typeof value === 'string' && value.startsWith(operand));
    default:
      throw new Error(
        `Pattern field '${fieldPath}' uses the operator '${operator}', which this matcher does not implement.`,
      );
  }
}

function requireType(condition, fieldPath, operator, expected) {
  if (!condition) {
    throw new Error(`Pattern field '${fieldPath}' is invalid: the value of '${operator}' must be ${expected}.`);
  }
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertPlainObject(value, name) {
  if (!isPlainObject(value)) {
    throw new Error(`${name} is invalid: it must be a JSON object, not ${JSON.stringify(value)}.`);
  }
}
