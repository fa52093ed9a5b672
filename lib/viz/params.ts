import { fail } from '../core/errors';
import { MODULE } from './data';
import { vizMessages } from './messages';
import type { VlJson, VlParam } from './spec';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !IDENT.test(name)) fail(MODULE, vizMessages.paramBadName(name));
}

/**
 * A vega-lite param bound to a slider, for exploring without widgets (JupyterLab renders it live;
 * the PNG fallback shows the initial value). Refer to it by name in a builder's `filter`.
 *
 * @example
 * lineChart(rows, {
 *   x: 'n', y: 'expanded', color: 'weight',
 *   params: [sliderParam('w', { min: 1, max: 5, step: 0.5, value: 1, label: 'heuristic weight ' })],
 *   filter: 'datum.weight == w',
 * });
 */
export function sliderParam(
  name: string,
  opts: { min: number; max: number; step?: number; value?: number; label?: string },
): VlParam {
  checkName(name);
  if (!(opts.min < opts.max)) fail(MODULE, vizMessages.paramBadRange(name, opts.min, opts.max));
  return {
    name,
    value: opts.value ?? opts.min,
    bind: { input: 'range', min: opts.min, max: opts.max, ...(opts.step !== undefined ? { step: opts.step } : {}), name: opts.label ?? `${name} ` },
  };
}

/**
 * A vega-lite param bound to a dropdown of `options`.
 *
 * @example
 * barChart(rows, {
 *   x: 'algorithm', y: 'expanded',
 *   params: [dropdownParam('maze', ['open', 'rooms', 'spiral'])],
 *   filter: 'datum.maze == maze',
 * });
 */
export function dropdownParam(
  name: string,
  options: readonly VlJson[],
  opts: { value?: VlJson; label?: string; labels?: string[] } = {},
): VlParam {
  checkName(name);
  if (options.length === 0) fail(MODULE, vizMessages.paramNoOptions(name));
  return {
    name,
    value: opts.value ?? options[0],
    bind: { input: 'select', options: [...options], ...(opts.labels ? { labels: opts.labels } : {}), name: opts.label ?? `${name} ` },
  };
}
