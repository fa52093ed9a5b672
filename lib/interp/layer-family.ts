/**
 * Iterations of a recurrent layer, found from names alone: layers whose names differ only in one
 * dot-delimited number (`iter.3.h`, `iter.4.h`, …) and that share a shape form a family.
 */
import type { LayerInfo } from '../mesa/model';

export interface LayerFamily {
  /** The name with the iteration number replaced by `*`, e.g. `iter.*.h`. */
  key: string;
  /** Member layer names, in iteration order. */
  members: string[];
  /** The iteration number of each member. */
  iterations: number[];
}

const NUMBER = /(^|[._-])(\d+)(?=$|[._-])/g;

/** Keys of a name with each delimited number starred in turn (`a.3.b.7` → `a.*.b.7`, `a.3.b.*`). */
function keysOf(name: string): { key: string; iteration: number }[] {
  const out: { key: string; iteration: number }[] = [];
  for (const m of name.matchAll(NUMBER)) {
    const at = (m.index ?? 0) + m[1].length;
    out.push({ key: `${name.slice(0, at)}*${name.slice(at + m[2].length)}`, iteration: Number(m[2]) });
  }
  return out;
}

/**
 * Families of two or more same-shaped layers whose names differ in one number.
 *
 * @example
 * layerFamilies(model.layers); // [{ key: 'iter.*.h', members: ['iter.0.h', …], iterations: [0, …] }]
 */
export function layerFamilies(layers: readonly LayerInfo[]): LayerFamily[] {
  const groups = new Map<string, { name: string; iteration: number; shape: string }[]>();
  for (const l of layers) {
    for (const k of keysOf(l.name)) {
      const g = groups.get(k.key) ?? [];
      g.push({ name: l.name, iteration: k.iteration, shape: l.shape.join('x') });
      groups.set(k.key, g);
    }
  }
  const out: LayerFamily[] = [];
  for (const [key, g] of groups) {
    if (g.length < 2 || new Set(g.map((m) => m.shape)).size !== 1) continue;
    g.sort((a, b) => a.iteration - b.iteration);
    out.push({ key, members: g.map((m) => m.name), iterations: g.map((m) => m.iteration) });
  }
  return out;
}

/** The family a layer belongs to (the largest, if several), or null. */
export function familyOf(layers: readonly LayerInfo[], layer: string): LayerFamily | null {
  const fams = layerFamilies(layers).filter((f) => f.members.includes(layer));
  return fams.sort((a, b) => b.members.length - a.members.length)[0] ?? null;
}

/**
 * The layers a model reads its input into: those flagged `input`, or else the first layer.
 * Decoding the cheese from these does not locate anything inside the model.
 */
export function inputLayers(layers: readonly LayerInfo[]): string[] {
  const flagged = layers.filter((l) => l.input === true).map((l) => l.name);
  return flagged.length > 0 ? flagged : layers.length > 0 ? [layers[0].name] : [];
}
