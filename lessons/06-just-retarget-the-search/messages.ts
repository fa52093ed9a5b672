/** Error texts of lesson 06's code: what went wrong and what to do. */
export const lesson06Messages = {
  noLocatedTarget: (variant: string) => `the locating procedure found no candidate representation in the ${variant} learned agent, so there is no template to write; try another variant or maze size.`,
} as const;
