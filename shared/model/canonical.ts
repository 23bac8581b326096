/**
 * A fast "already canonical" check beside a zod schema, for the hot paths that validate whole
 * documents (opening a 24 MB file, the import worker's result). The zod schema stays the one
 * source of truth: the check is compiled from the schema's own definition and answers only
 * "zod would accept this value and hand back an equal value (same keys, same order, same
 * defaults)". Anything else — an invalid value, a missing default, an unknown key, a key out of
 * order, a part of the schema it does not know — answers false, and the caller runs zod, which
 * gives the verdict and the message. So the fast path can only skip work, never change a verdict.
 */
import type { z } from 'zod';

/** True when zod would accept `value` and return a value deep-equal to it, keys in order. */
export type CanonicalCheck = (value: unknown) => boolean;

/** The parts of zod v4's internal definition the compiler reads. */
interface Definition {
  type: string;
  checks?: Array<{ _zod: { def: CheckDefinition } }>;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
}

interface CheckDefinition {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
}

interface Schema {
  _zod: { def: Definition };
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/** Deep equality of plain data with object keys in the same order (what JSON.stringify writes). */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameData(item, b[index]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key, index) =>
        key === keysB[index] &&
        sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** A part the compiler does not know: zod checks it, and it counts if zod leaves it as it was. */
function byZod(schema: Schema): CanonicalCheck {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success && sameData(parsed.data, value);
  };
}

/**
 * The schema's refinements and bounds: undefined when it has none, null when one of them is of
 * a kind not compiled here.
 */
function compileChecks(definition: Definition): CanonicalCheck | null | undefined {
  const tests: CanonicalCheck[] = [];
  for (const { _zod } of definition.checks ?? []) {
    const check = _zod.def;
    const { maximum = 0, minimum = 0, value: bound = 0, inclusive } = check;
    switch (check.check) {
      case 'max_length':
        tests.push((value) => (value as { length: number }).length <= maximum);
        break;
      case 'min_length':
        tests.push((value) => (value as { length: number }).length >= minimum);
        break;
      case 'greater_than':
        tests.push(
          inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound,
        );
        break;
      case 'less_than':
        tests.push(
          inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound,
        );
        break;
      case 'number_format':
        if (check.format !== 'safeint') return null;
        tests.push((value) => Number.isSafeInteger(value));
        break;
      case 'string_format': {
        const pattern = check.pattern;
        if (check.format !== 'regex' || !pattern) return null;
        tests.push((value) => {
          pattern.lastIndex = 0;
          return pattern.test(value as string);
        });
        break;
      }
      case 'custom': {
        const fn = check.fn;
        if (!fn) return null;
        // A refinement that answers anything but `true` (a promise, a truthy object) is zod's call.
        tests.push((value) => fn(value) === true);
        break;
      }
      default:
        return null;
    }
  }
  if (tests.length === 0) return undefined;
  const [only] = tests;
  if (tests.length === 1 && only) return only;
  return (value) => {
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** An object's fields, in the schema's order; an optional field may be absent. */
function compileObject(shape: Record<string, Schema>): CanonicalCheck {
  const keys = Object.keys(shape);
  const optional = keys.map((key) => shape[key]?._zod.def.type === 'optional');
  const checks = keys.map((key) => compile(shape[key] as Schema));
  const count = keys.length;
  return (value) => {
    if (!isPlainObject(value)) return false;
    // The value's keys must be the schema's, in its order, with only optional ones left out.
    let next = 0;
    for (const key in value) {
      while (next < count && keys[next] !== key) {
        // zod would report a missing field, or fill in a default: either way, not canonical.
        if (!optional[next]) return false;
        next += 1;
      }
      // A key zod would drop (or one out of order).
      if (next === count) return false;
      if (!(checks[next] as CanonicalCheck)(value[key])) return false;
      next += 1;
    }
    for (; next < count; next += 1) if (!optional[next]) return false;
    return true;
  };
}

function compileType(schema: Schema): CanonicalCheck | null {
  const definition = schema._zod.def;
  switch (definition.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'literal': {
      const values = definition.values ?? [];
      return (value) => values.includes(value);
    }
    case 'enum': {
      const values = new Set(Object.values(definition.entries ?? {}));
      return (value) =>
        (typeof value === 'string' || typeof value === 'number') && values.has(value);
    }
    case 'optional': {
      const inner = compile(definition.innerType as Schema);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = compile(definition.innerType as Schema);
      return (value) => value === null || inner(value);
    }
    case 'default': {
      // An absent value would be replaced by the default: not canonical.
      const inner = compile(definition.innerType as Schema);
      return (value) => value !== undefined && inner(value);
    }
    case 'array': {
      const element = compile(definition.element as Schema);
      return (value) => {
        if (!Array.isArray(value)) return false;
        // By index, not `every`: a hole is an element zod reads as undefined.
        for (let index = 0; index < value.length; index += 1) {
          if (!element(value[index])) return false;
        }
        return true;
      };
    }
    case 'object':
      return compileObject(definition.shape ?? {});
    default:
      return null;
  }
}

function compile(schema: Schema): CanonicalCheck {
  const type = compileType(schema);
  const checks = compileChecks(schema._zod.def);
  if (!type || checks === null) return byZod(schema);
  if (checks === undefined) return type;
  return (value) => type(value) && checks(value);
}

/** Compiles the canonical check of a zod schema (see the module comment). */
export function canonicalCheck(schema: z.ZodType): CanonicalCheck {
  return compile(schema as unknown as Schema);
}

/**
 * `schema.safeParse`, answered without zod when the value is already canonical: then the value
 * itself is the result (zod's would be an equal copy).
 */
export function safeParseFast<T extends z.ZodType>(
  schema: T,
  check: CanonicalCheck,
  value: unknown,
): ReturnType<T['safeParse']> {
  if (check(value)) return { success: true, data: value } as ReturnType<T['safeParse']>;
  return schema.safeParse(value) as ReturnType<T['safeParse']>;
}
