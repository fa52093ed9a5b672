/** Messages of the CLI commands added for installs outside the checkout (see lib/core/messages.ts for the pattern). */
export const cliMessages = {
  notebooksNoDir: () => 'give the folder to copy the notebooks into, e.g. `retarget-lab notebooks ./course`.',
  notebooksTooMany: (extra: string[]) => `expected one folder, got also ${extra.map((e) => JSON.stringify(e)).join(', ')}; quote a folder name with spaces.`,
  notebooksNotAFolder: (dir: string) => `${dir} exists and is not a folder; choose a folder.`,
  notebooksWouldOverwrite: (files: string[]) =>
    `${files.length === 1 ? files[0] : `${files.length} notebooks (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`} already there; ` +
    'pass --force to overwrite them (edits in them are lost), or choose another folder.',
  notebooksSameFolder: (dir: string) => `${dir} is the curriculum's own folder; choose another folder.`,
};
