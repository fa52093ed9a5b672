/**
 * The layout rule of the project: lib/ is notebook-agnostic. No file under lib/ may import from
 * lessons/, kernel/, course/, cli/ or the package barrel; lessons may import lib/ (and each other's
 * nothing: what two lessons share belongs in lib/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return /\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Repo-relative targets of every relative import/export/require in a file. */
function relativeImports(file: string, code = fs.readFileSync(file, 'utf8')): string[] {
  const specs = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g)].map((m) => m[1]);
  return specs.map((s) => path.relative(root, path.resolve(path.dirname(file), s)).split(path.sep).join('/'));
}

describe('layout', () => {
  it('lib/ imports nothing from lessons/, kernel/, course/, cli/ or the package barrel', () => {
    const bad = tsFiles(path.join(root, 'lib')).flatMap((f) => relativeImports(f)
      .filter((t) => /^(lessons|kernel|course|cli)(\/|$)/.test(t) || t === 'index' || t === 'index.ts')
      .map((t) => `${path.relative(root, f)} -> ${t}`));
    expect(bad).toEqual([]);
  });

  it('a lesson imports no other lesson (what two lessons share lives in lib/)', () => {
    const lessons = path.join(root, 'lessons');
    const bad = fs.readdirSync(lessons, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((lesson) =>
      tsFiles(path.join(lessons, lesson.name)).flatMap((f) => relativeImports(f)
        .filter((t) => t.startsWith('lessons/') && !t.startsWith(`lessons/${lesson.name}/`) && t !== 'lessons/index')
        .map((t) => `${path.relative(root, f)} -> ${t}`)));
    expect(bad).toEqual([]);
  });

  it('the check itself catches a forbidden import (a lib file importing a lesson)', () => {
    const probe = path.join(root, 'lib', 'core', 'probe.ts');
    const code = "import { x } from '../../lessons/index';\nexport { show } from '../../kernel/display';\nconst c = require('../../course/grade');\n";
    expect(relativeImports(probe, code)).toEqual(['lessons/index', 'kernel/display', 'course/grade']);
  });
});
