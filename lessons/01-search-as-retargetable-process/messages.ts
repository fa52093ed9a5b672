/** Error texts of lesson 01 (search as a retargetable process). What went wrong and what to do. */
export const retargetMessages = {
  cellNotOpen: (name: string, c: unknown, width: number, height: number) =>
    `${name} must be an open cell {x, y} of the ${width}x${height} map, got ${JSON.stringify(c)}.`,
  sizeBad: (size: unknown) => `size must be an integer >= 5, got ${String(size)}.`,
  positiveInt: (name: string, v: unknown) => `${name} must be a positive integer, got ${String(v)}.`,
  budgetBad: (budget: unknown) => `budget must be at least 1 expansion, got ${String(budget)}.`,
} as const;
