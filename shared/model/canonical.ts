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
 * Generates the check as JavaScript source, one function per object and array schema, reading
 * each field by its name: closures reading fields by a variable key were three times slower (the
 * engine cannot specialise a load whose key varies). Values the source needs (patterns, enum
 * sets, refinements, zod fallbacks) are passed in as `refs`.
 */
class Generator {
  readonly refs: unknown[] = [];
  readonly functions: string[] = [];

  ref(value: unknown): string {
    this.refs.push(value);
    return `refs[${this.refs.length - 1}]`;
  }

  /** The schema's refinements and bounds on `x`: '' when none, null when one is not known here. */
  checks(definition: Definition, x: string): string | null {
    const tests: string[] = [];
    for (const { _zod } of definition.checks ?? []) {
      const check = _zod.def;
      const { maximum, minimum, value: bound, inclusive } = check;
      switch (check.check) {
        case 'max_length':
          if (typeof maximum !== 'number') return null;
          tests.push(`${x}.length <= ${maximum}`);
          break;
        case 'min_length':
          if (typeof minimum !== 'number') return null;
          tests.push(`${x}.length >= ${minimum}`);
          break;
        case 'greater_than':
          if (typeof bound !== 'number') return null;
          tests.push(`${x} ${inclusive ? '>=' : '>'} ${bound}`);
          break;
        case 'less_than':
          if (typeof bound !== 'number') return null;
          tests.push(`${x} ${inclusive ? '<=' : '<'} ${bound}`);
          break;
        case 'number_format':
          if (check.format !== 'safeint') return null;
          tests.push(`Number.isSafeInteger(${x})`);
          break;
        case 'string_format': {
          if (check.format !== 'regex' || !check.pattern) return null;
          const pattern = this.ref(check.pattern);
          tests.push(`(${pattern}.lastIndex = 0, ${pattern}.test(${x}))`);
          break;
        }
        case 'custom':
          // A refinement that answers anything but `true` (a promise, a truthy object) is zod's call.
          if (!check.fn) return null;
          tests.push(`${this.ref(check.fn)}(${x}) === true`);
          break;
        default:
          return null;
      }
    }
    return tests.join(' && ');
  }

  /** A boolean expression: `x` is canonical for `schema`. */
  expression(schema: Schema, x: string): string {
    const definition = schema._zod.def;
    const type = this.type(schema, x);
    const checks = this.checks(definition, x);
    if (type === null || checks === null) return `${this.ref(byZod(schema))}(${x})`;
    return checks === '' ? type : `(${type} && ${checks})`;
  }

  type(schema: Schema, x: string): string | null {
    const definition = schema._zod.def;
    switch (definition.type) {
      case 'string':
        return `typeof ${x} === 'string'`;
      case 'number':
        return `(typeof ${x} === 'number' && Number.isFinite(${x}))`;
      case 'boolean':
        return `typeof ${x} === 'boolean'`;
      case 'literal':
        return `${this.ref(definition.values ?? [])}.includes(${x})`;
      case 'enum': {
        const values = this.ref(new Set(Object.values(definition.entries ?? {})));
        return `((typeof ${x} === 'string' || typeof ${x} === 'number') && ${values}.has(${x}))`;
      }
      case 'optional':
        return `(${x} === undefined || ${this.expression(definition.innerType as Schema, x)})`;
      case 'nullable':
        return `(${x} === null || ${this.expression(definition.innerType as Schema, x)})`;
      case 'default':
        // An absent value would be replaced by the default: not canonical.
        return `(${x} !== undefined && ${this.expression(definition.innerType as Schema, x)})`;
      case 'array':
        return `${this.array(definition.element as Schema)}(${x})`;
      case 'object':
        return `${this.object(definition.shape ?? {})}(${x})`;
      default:
        return null;
    }
  }

  array(element: Schema): string {
    const name = `check${this.functions.length}`;
    const index = this.functions.length;
    this.functions.push('');
    // By index, not `every`: a hole is an element zod reads as undefined.
    this.functions[index] = `function ${name}(v) {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i += 1) {
        const x = v[i];
        if (!(${this.expression(element, 'x')})) return false;
      }
      return true;
    }`;
    return name;
  }

  /**
   * An object's fields by name, then its keys: the schema's, in its order, with only optional
   * ones left out (zod would report a missing field or fill in a default, drop an unknown key,
   * and put keys in the schema's order).
   */
  object(shape: Record<string, Schema>): string {
    const name = `check${this.functions.length}`;
    const index = this.functions.length;
    this.functions.push('');
    const keys = Object.keys(shape);
    const fields = keys.map(
      (key) => `x = v[${JSON.stringify(key)}];
      if (!(${this.expression(shape[key] as Schema, 'x')})) return false;`,
    );
    const optional = keys.map((key) => shape[key]?._zod.def.type === 'optional');
    this.functions[index] = `function ${name}(v) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const prototype = Object.getPrototypeOf(v);
      if (prototype !== Object.prototype && prototype !== null) return false;
      let x;
      ${fields.join('\n')}
      const keys = ${this.ref(keys)};
      const optional = ${this.ref(optional)};
      let next = 0;
      for (const key in v) {
        while (next < ${keys.length} && keys[next] !== key) {
          if (!optional[next]) return false;
          next += 1;
        }
        if (next === ${keys.length}) return false;
        next += 1;
      }
      for (; next < ${keys.length}; next += 1) if (!optional[next]) return false;
      return true;
    }`;
    return name;
  }
}

/**
 * Compiles the canonical check of a zod schema (see the module comment). Where code cannot be
 * generated (a page whose content security policy forbids it), every value goes to zod.
 */
export function canonicalCheck(schema: z.ZodType): CanonicalCheck {
  const generator = new Generator();
  const root = generator.expression(schema as unknown as Schema, 'value');
  const source = `${generator.functions.join('\n')}
    return function canonical(value) { return ${root}; };`;
  try {
    // The source is built above from the schema alone; no document text reaches it.
    return new Function('refs', source)(generator.refs) as CanonicalCheck;
  } catch {
    return () => false;
  }
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
