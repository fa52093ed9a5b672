/** Error texts of lib/exercises (the checker engine): what went wrong and what to do. */
export const exercisesMessages = {
  noGenerated: (id: string) => `exercise "${id}" has no generated cases; call it without a seed.`,
} as const;
