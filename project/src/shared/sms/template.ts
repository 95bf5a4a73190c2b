// {{ name }} or {{ name | default text }}; the default cannot contain '}'.
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*(?:\|([^}]*))?\}\}/g;

export type TemplateVars = Record<string, string | undefined | null>;
export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[] };

function uniqueIgnoringCase(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

/** Variable names in order of first use, as written in the template. */
export function templateVariables(tpl: string): string[] {
  return uniqueIgnoringCase([...tpl.matchAll(PLACEHOLDER)].map((m) => m[1]));
}

/** Names match case-insensitively; an empty or blank value counts as missing unless the placeholder has a default. */
export function renderTemplate(tpl: string, vars: TemplateVars): RenderResult {
  return compileTemplate(tpl)(vars);
}

interface Placeholder {
  name: string;
  key: string;
  fallback: string | undefined;
  whole: string;
}

/**
 * renderTemplate with the template parsed once, for rendering it per row of a list. `base` holds values
 * that the row's own variables override (as if spread first).
 */
export function compileTemplate(tpl: string): (vars: TemplateVars, base?: TemplateVars) => RenderResult {
  const literals: string[] = [];
  const placeholders: Placeholder[] = [];
  let last = 0;
  for (const m of tpl.matchAll(PLACEHOLDER)) {
    literals.push(tpl.slice(last, m.index));
    placeholders.push({ name: m[1], key: m[1].toLowerCase(), fallback: m[2], whole: m[0] });
    last = m.index + m[0].length;
  }
  literals.push(tpl.slice(last));
  const wanted = new Set(placeholders.map((p) => p.key));
  const lowerKeys = new Map<string, string>();
  const collect = (lookup: Map<string, string>, vars: TemplateVars) => {
    for (const key in vars) {
      let lower = lowerKeys.get(key);
      if (lower === undefined) lowerKeys.set(key, (lower = key.toLowerCase()));
      const value = vars[key];
      if (wanted.has(lower) && value != null && value.trim() !== '') lookup.set(lower, value);
    }
  };
  return (vars, base) => {
    const lookup = new Map<string, string>();
    if (base) collect(lookup, base);
    collect(lookup, vars);
    let text = literals[0];
    let missing: string[] | undefined;
    for (let i = 0; i < placeholders.length; i++) {
      const p = placeholders[i];
      const value = lookup.get(p.key) ?? (p.fallback !== undefined ? p.fallback.trim() : undefined);
      if (value === undefined) (missing ??= []).push(p.name);
      text += (value ?? p.whole) + literals[i + 1];
    }
    return missing ? { ok: false, missing: uniqueIgnoringCase(missing) } : { ok: true, text };
  };
}

/**
 * The text a single send delivers: placeholders filled from `vars` (a lead's fields, or none), defaults
 * included. `missing` names what has neither a value nor a default, so the caller can refuse the send;
 * braces are never delivered.
 */
export function renderForSend(message: string, vars: TemplateVars): RenderResult {
  if (!message.includes('{{')) return { ok: true, text: message };
  return renderTemplate(message, vars);
}

/** 'First Name' -> 'first_name', 'phoneNumber' -> 'phone_number', 'Prénom' -> 'prenom'. */
export function toSnakeCase(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
