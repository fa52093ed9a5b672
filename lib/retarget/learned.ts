/**
 * The locating procedure and the retargeting edit, applied to a shipped learned searcher with the
 * settings measured for it (lib/mesa/learned): its cheese representation is spread over every
 * channel of the recurrent state in a 3×3 window (the input convolution sees the cheese from the
 * next cell), so patches cover that window, and edits clear with the no-cheese state. That
 * footprint is the input itself (patching it equals moving the cheese in the input), so notebook 06
 * edits the narrow representation of {@link locateLearnedNarrow} and shows the footprint only as a comparison.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configHash, readCache, writeCache } from '../core/cache';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { cheeseMazeLevels } from '../envs/cheese-maze';
import type { LearnedVariant } from '../mesa/learned/config';
import type { LearnedSearchAgent } from '../mesa/learned/agent';
import { loadLearnedAgent, untrainedLearnedAgent } from '../mesa/learned/shipped';
import { plantedLearnedAgent, plantedProxyAgent } from '../mesa/learned/planted';
import type { RetargetabilityByDistance } from './by-distance';
import { retargetabilityByDistance } from './by-distance';
import type { LocatedTarget, LocateResult } from './locate';
import { LOCATE_DEFAULTS, locateTarget } from './locate';
import type { NarrowCandidate, NarrowOptions, NarrowScan } from './narrow';
import { NARROW_DEFAULTS, narrowPatchScan } from './narrow';

/** The locate options measured for the learned searchers (3×3 window, every iteration at once). */
export const LEARNED_LOCATE = { probeExamples: 40, pairs: 16, candidates: 3, goalRadius: 1, cellByCell: false } as const;
/** The edit measured best for them: write the template at the new cell, clear with the no-cheese state. */
export const LEARNED_EDIT = { clearWith: 'blank', strength: 1.5 } as const;

export interface LearnedLocate { agent: LearnedSearchAgent; levels: CheeseMazeLevel[]; result: LocateResult }

/**
 * The agents a locate can run on: a shipped variant; the untrained control (same architecture,
 * initial weights); or the planted wavefront searcher (same architecture, hand-set weights:
 * retargetable by construction, a positive control of the procedures, never evidence about training).
 */
export type LearnedSubject = LearnedVariant | 'untrained' | 'planted' | 'planted-proxy';

// Claims of one notebook locate the same agent again and again: keep the last few results (they are deterministic).
const located = new Map<string, LearnedLocate>();

/**
 * Locates the cheese representation of a shipped learned agent (or of the untrained control)
 * without being told where it is. The corner agent and its planted twin are located on the training
 * distribution (elsewhere the corner agent's choice barely moves). Same arguments, same result (kept for reuse).
 */
export function locateLearned(variant: LearnedSubject, size: number, seed: number | string = 1): LearnedLocate {
  const key = `${variant}/${size}/${String(seed)}`;
  const hit = located.get(key);
  if (hit) return hit;
  const agent = variant === 'untrained' ? untrainedLearnedAgent({ size }, 1) : variant === 'planted' ? plantedLearnedAgent({ size }) : variant === 'planted-proxy' ? plantedProxyAgent({ size }) : loadLearnedAgent(variant, { size });
  const levels = cheeseMazeLevels(variant === 'corner' || variant === 'planted-proxy' ? 'train' : 'test', 30, `locate/${String(seed)}`, { size, trainRegion: 3 });
  const result = cached('locate', { agent: agentDigest(agent), levels: levelsDigest(levels), size, seed: String(seed), options: LEARNED_LOCATE, defaults: LOCATE_DEFAULTS }, validLocate, () => locateTarget(agent, levels, { ...LEARNED_LOCATE, seed }));
  const found = { agent, levels, result };
  if (located.size >= 8) located.delete(located.keys().next().value as string);
  located.set(key, found);
  return found;
}

/** Patches narrower than the input's footprint on the same agent and mazes as {@link locateLearned}. */
export function narrowLearned(found: LearnedLocate, opts: NarrowOptions = {}): NarrowScan {
  return narrowPatchScan(found.agent, found.levels, opts);
}

// The scans are deterministic in (weights, mazes, options, code) and take seconds to a minute
// each: kept on disk (lib/core/cache.ts) so a re-run cell or notebook reads them back. The key
// holds a digest of the weights, of the mazes, of every option, and of the source files that
// compute a scan, so a changed network, maze generator, option or procedure never reads an old scan.
const SCAN_VERSION = 2;
const SCAN_SOURCES = ['locate.ts', 'narrow.ts', '../mesa/learned/net.ts', '../mesa/learned/conv.ts', '../mesa/learned/agent.ts', '../mesa/model.ts', '../mesa/rollout.ts', '../envs/cheese-maze.ts', '../interp/cell-probe.ts', '../interp/layer-family.ts'];
let sourceDigestMemo: string | undefined;

/** A digest of the code that computes a scan (null-safe: a missing file counts as its name). */
function sourceDigest(): string {
  if (sourceDigestMemo) return sourceDigestMemo;
  const h = createHash('sha256');
  for (const f of SCAN_SOURCES) {
    try { h.update(fs.readFileSync(path.join(__dirname, f))); } catch { h.update(`missing:${f}`); }
  }
  return (sourceDigestMemo = h.digest('hex').slice(0, 16));
}

/** A digest of an agent's weights and sizes: a cached scan is reused only for the same network. */
function agentDigest(agent: LearnedSearchAgent): string {
  const p = agent.params;
  return createHash('sha256').update(new Uint8Array(p.buffer, p.byteOffset, p.byteLength)).update(`${agent.size}/${agent.iterations}`).digest('hex').slice(0, 16);
}

/** A digest of the mazes a scan runs on (walls, cheese, start, training region). */
function levelsDigest(levels: readonly CheeseMazeLevel[]): string {
  const h = createHash('sha256');
  for (const l of levels) h.update(JSON.stringify([Array.from(l.map.passable), l.map.width, l.map.height, l.cheese, l.start, l.trainRegion]));
  return h.digest('hex').slice(0, 16);
}

function cached<T>(kind: 'locate' | 'narrow', key: unknown, valid: (v: T) => boolean, compute: () => T): T {
  const hash = configHash({ version: SCAN_VERSION, code: sourceDigest(), key });
  const hit = readCache<T>(`learned-scans/${kind}`, hash);
  // A hit of another shape (written by other code under a colliding key) is recomputed, never trusted.
  if (hit && valid(hit)) return hit;
  const value = compute();
  // JSON would turn NaN (e.g. a window cell never seen open) into null: such a scan is not kept.
  let exact = true;
  JSON.stringify(value, (_k, v: unknown) => {
    if ((typeof v === 'number' && !Number.isFinite(v)) || ArrayBuffer.isView(v)) exact = false;
    return v;
  });
  if (exact) writeCache(`learned-scans/${kind}`, hash, value);
  return value;
}

const validLocate = (r: LocateResult) => typeof r === 'object' && r !== null && Array.isArray(r.rows) && 'best' in r && typeof r.located === 'boolean';
const validNarrow = (s: NarrowScan) => typeof s === 'object' && s !== null && Array.isArray(s.iterationOne) && Array.isArray(s.candidates) && 'narrowest' in s
  && (s.narrowest === null || (typeof s.narrowest.inputDriven === 'boolean' && Array.isArray(s.narrowest.channels)));

/**
 * The edit target of a narrow candidate: its channels, at its radius, at the iterations from its
 * first on, with the values the locating procedure measured on the same agent (null when the
 * locate scored nothing). Also applies a candidate found on one agent to another (a control).
 */
export function narrowTarget(found: LearnedLocate, cand: Pick<NarrowCandidate, 'channels' | 'radius' | 'from'>): LocatedTarget | null {
  const best = found.result.best;
  if (!best || !best.family) return null;
  const members = best.family.members.slice(cand.from - 1);
  const R = best.radius, side = 2 * R + 1, r = Math.min(cand.radius, R);
  const stats: LocatedTarget['stats'] = {};
  for (const l of members) {
    const st = best.stats[l];
    if (!st) return null;
    // The (2r+1)² centre of the measured window.
    const window: number[][] = [];
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) window.push(st.window[(dy + R) * side + dx + R]);
    stats[l] = { ...st, window };
  }
  return { size: best.size, layers: members, channels: cand.channels.slice(), family: best.family, radius: r, stats };
}

export interface NarrowLocate { found: LearnedLocate; scan: NarrowScan; target: LocatedTarget | null }

const narrowed = new Map<string, NarrowLocate>();

/**
 * Notebook 05's narrow scan at its defaults on the agent {@link locateLearned} locates: the
 * narrowest candidate that passes both bars is what counts as located (`target`), or nothing.
 * The input's footprint does not count: patching it is the same as moving the cheese in the input.
 */
export function locateLearnedNarrow(variant: LearnedSubject, size: number, seed: number | string = 1): NarrowLocate {
  const key = `${variant}/${size}/${String(seed)}`;
  const hit = narrowed.get(key);
  if (hit) return hit;
  const found = locateLearned(variant, size, seed);
  const scan = cached('narrow', { agent: agentDigest(found.agent), levels: levelsDigest(found.levels), locate: configHash(found.result.best), size, seed: String(seed), defaults: NARROW_DEFAULTS }, validNarrow, () => narrowLearned(found, { seed }));
  const out = { found, scan, target: scan.narrowest ? narrowTarget(found, scan.narrowest) : null };
  if (narrowed.size >= 8) narrowed.delete(narrowed.keys().next().value as string);
  narrowed.set(key, out);
  return out;
}

/** The held-out mazes of {@link retargetLearned}. */
export function learnedHeldOut(size: number, mazes: number, seed: number | string = 1): CheeseMazeLevel[] {
  return cheeseMazeLevels('test', mazes, `held-out/${String(seed)}`, { size, trainRegion: 3 });
}

/**
 * Retargetability by distance band of a located learned agent over every reachable cell of
 * `mazes` held-out mazes. `edit: 'clear-only'` is the control that clears the cheese and writes
 * nothing; `ceiling` adds the agent's success when the cheese itself is moved to each target.
 * `target`: the representation edited (default: the locating procedure's best, the input's footprint).
 */
// Claims of one notebook run the same edit on the same mazes again (e.g. the aligned agent in two claims): keep the results.
const edited = new WeakMap<LocatedTarget, Map<string, RetargetabilityByDistance>>();

export function retargetLearned(found: LearnedLocate, mazes: number, seed: number | string = 1, opts: { edit?: 'retarget' | 'clear-only'; ceiling?: boolean; target?: LocatedTarget } = {}): RetargetabilityByDistance | null {
  const target = opts.target ?? found.result.best;
  if (!target) return null;
  const write = opts.edit !== 'clear-only';
  const key = `${mazes}/${String(seed)}/${write}/${!!opts.ceiling}`;
  const memo = edited.get(target) ?? new Map<string, RetargetabilityByDistance>();
  edited.set(target, memo);
  const hit = memo.get(key) ?? (opts.ceiling ? undefined : memo.get(`${mazes}/${String(seed)}/${write}/true`));
  if (hit) return hit;
  const held = learnedHeldOut(found.agent.size, mazes, seed);
  const r = retargetabilityByDistance(found.agent, { kind: 'located', located: target, ...LEARNED_EDIT, write }, held, { cellPolicy: 'moves', ceiling: opts.ceiling });
  memo.set(key, r);
  return r;
}
