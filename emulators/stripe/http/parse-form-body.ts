// Decodes Stripe's bracket notation (`a[b][0][c]=1`, `expand[]=x`) into nested objects and arrays.
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g)) segments.push(match[1] ?? "");
  return segments;
}

function assignValue(target: FormObject, segments: string[], value: string): void {
  let container = target;
  for (let index = 0; index < segments.length; index += 1) {
    // `[]` appends: the next free slot in an object that becomes an array later.
    const raw = segments[index] ?? "";
    const key = raw === "" ? String(Object.keys(container).length) : raw;
    if (FORBIDDEN_KEYS.has(key)) return;
    if (index === segments.length - 1) {
      container[key] = value;
      return;
    }
    const next = container[key];
    if (next === undefined || typeof next === "string" || Array.isArray(next)) {
      const created: FormObject = {};
      container[key] = created;
      container = created;
    } else {
      container = next;
    }
  }
}

// Objects whose keys are all array indexes become arrays, ordered by index.
function toArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = toArrays(value[key] ?? "");
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => converted[String(index)] ?? "");
  }
  return converted;
}

export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) assignValue(root, splitKey(key), value);
  const converted = toArrays(root);
  return typeof converted === "string" || Array.isArray(converted) ? {} : converted;
}
