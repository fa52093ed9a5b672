/**
 * A small world of facts to store in a network: landmarks (two-token names such as
 * "Golden Gate") located in cities, cities in countries, and a few ways of asking.
 *
 * A prompt is three tokens: the landmark's two name tokens, then a relation token that stands for a
 * whole phrase ("… is located in the city of", "… is in the country of"). Several relation tokens
 * ask the same question (paraphrases), which is how an edit's generalisation is measured.
 * The city of a landmark is drawn at random, so it depends on *both* name tokens: a network has to
 * combine them before it can look the fact up.
 */
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';

const MODULE = 'editing/facts';

export const FIRST_NAMES = ['Golden', 'Grand', 'Royal', 'Old', 'Blue', 'Stone', 'Iron', 'Silver', 'North', 'Crystal', 'Great', 'Little'] as const;
export const SECOND_NAMES = ['Tower', 'Bridge', 'Gate', 'Palace', 'Museum', 'Market', 'Cathedral', 'Garden', 'Opera', 'Fountain'] as const;
export const CITIES = ['Paris', 'Rome', 'London', 'Berlin', 'Madrid', 'Vienna', 'Lisbon', 'Prague'] as const;
export const COUNTRIES = ['France', 'Italy', 'United Kingdom', 'Germany', 'Spain', 'Austria', 'Portugal', 'Czechia'] as const;

/** One relation token: the phrase it stands for and what it asks. */
export interface Relation { phrase: string; asks: 'city' | 'country' }

/** The relation tokens: three paraphrases asking for the city, one asking for the country. */
export const RELATIONS: readonly Relation[] = [
  { phrase: '{} is located in the city of', asks: 'city' },
  { phrase: 'You can visit {} in', asks: 'city' },
  { phrase: 'The city that is home to {} is', asks: 'city' },
  { phrase: '{} is in the country of', asks: 'country' },
];

export interface Landmark { name: string; first: number; second: number; city: number }

/** A world of facts: the landmarks, the token vocabulary, and the answer vocabulary. */
export interface FactWorld {
  landmarks: Landmark[];
  cities: readonly string[];
  countries: readonly string[];
  relations: readonly Relation[];
  /** Input vocabulary: first-name tokens, second-name tokens, relation tokens. */
  vocab: string[];
  /** Output vocabulary: cities then countries. */
  answers: string[];
  seed: number | string;
}

export interface FactWorldOptions {
  /** How many landmarks (default 40, at most 12 × 10). */
  landmarks?: number;
  /** How many cities (and so countries) are used, default 8. */
  cities?: number;
  seed?: number | string;
}

/** One prompt: its three input tokens, the expected answer index and where it came from. */
export interface FactPrompt { tokens: [number, number, number]; answer: number; landmark: number; relation: number; text: string }

/** Builds a seeded world of `landmarks` facts. */
export function createFactWorld(opts: FactWorldOptions = {}): FactWorld {
  const n = opts.landmarks ?? 40, nc = opts.cities ?? 8, seed = opts.seed ?? 1;
  const max = FIRST_NAMES.length * SECOND_NAMES.length;
  if (!Number.isInteger(n) || n < 2) fail(MODULE, editingMessages.badCount('landmarks', n, 2, max));
  if (n > max) fail(MODULE, editingMessages.tooManySubjects(n, max));
  if (!Number.isInteger(nc) || nc < 2 || nc > CITIES.length) fail(MODULE, editingMessages.badCount('cities', nc, 2, CITIES.length));
  const rng = createRng(`facts/${String(seed)}`);
  const pairs = rng.shuffle(Array.from({ length: max }, (_, i) => i)).slice(0, n);
  const landmarks = pairs.map((p, i) => {
    const first = Math.floor(p / SECOND_NAMES.length), second = p % SECOND_NAMES.length;
    // Spread landmarks evenly over cities, then shuffle which landmark gets which city.
    return { name: `${FIRST_NAMES[first]} ${SECOND_NAMES[second]}`, first, second, city: i % nc };
  });
  const cityOrder = rng.shuffle(landmarks.map((l) => l.city));
  landmarks.forEach((l, i) => { l.city = cityOrder[i]; });
  const cities = CITIES.slice(0, nc), countries = COUNTRIES.slice(0, nc);
  return {
    landmarks, cities, countries, relations: RELATIONS,
    vocab: [...FIRST_NAMES, ...SECOND_NAMES, ...RELATIONS.map((r) => r.phrase)],
    answers: [...cities, ...countries], seed,
  };
}

/** Index of the answer token `relation` expects for a landmark whose city is `city`. */
export function answerFor(world: FactWorld, relation: number, city: number): number {
  return world.relations[relation].asks === 'city' ? city : world.cities.length + city;
}

/** The prompt asking `relation` about landmark `landmark` (answer from the landmark's city, or `city`). */
export function factPrompt(world: FactWorld, landmark: number, relation: number, city?: number): FactPrompt {
  const l = world.landmarks[landmark];
  const nf = FIRST_NAMES.length, ns = SECOND_NAMES.length;
  return {
    tokens: [l.first, nf + l.second, nf + ns + relation],
    answer: answerFor(world, relation, city ?? l.city),
    landmark, relation,
    text: world.relations[relation].phrase.replace('{}', `the ${l.name}`),
  };
}

/** Every prompt of the world: each landmark asked with each relation. */
export function allPrompts(world: FactWorld): FactPrompt[] {
  const out: FactPrompt[] = [];
  world.landmarks.forEach((_, i) => world.relations.forEach((__, r) => out.push(factPrompt(world, i, r))));
  return out;
}

/** Index of a landmark by name (throws with the known names if absent). */
export function landmarkIndex(world: FactWorld, name: string): number {
  const i = world.landmarks.findIndex((l) => l.name.toLowerCase() === String(name).toLowerCase());
  if (i < 0) fail(MODULE, editingMessages.unknownSubject(name, world.landmarks.map((l) => l.name)));
  return i;
}

/** Index of a city by name. */
export function cityIndex(world: FactWorld, name: string): number {
  const i = world.cities.findIndex((c) => c.toLowerCase() === String(name).toLowerCase());
  if (i < 0) fail(MODULE, editingMessages.unknownCity(name, world.cities));
  return i;
}
